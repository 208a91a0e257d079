package dev.hangar.spec;

import static dev.hangar.spec.SpecFixtures.designExample;
import static dev.hangar.spec.SpecFixtures.patched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LaunchSpecJsonTest {

    @Test
    void theDesignExampleParsesAndValidates() {
        LaunchSpec spec = LaunchSpecJson.read(designExample());

        assertThat(spec.name()).isEqualTo("llama-finetune");
        assertThat(spec.region()).isEqualTo("us-east-1");
        assertThat(spec.availabilityZone()).isNull();
        assertThat(spec.amiId()).isEqualTo("ami-0123456789abcdef0");
        assertThat(spec.instanceType()).isEqualTo("g5.xlarge");
        assertThat(spec.keyPair()).isEqualTo("my-key");
        assertThat(spec.bucketAccess()).isEqualTo(BucketAccess.READ_ONLY);
        assertThat(spec.tenancy()).isEqualTo(Tenancy.DEDICATED);
        assertThat(spec.access()).isEqualTo(Access.SSM);
        assertThat(spec.market()).isEqualTo(Market.ON_DEMAND);
        assertThat(spec.idleStopMinutes()).isEqualTo(60);
        assertThat(spec.tags()).containsExactly(Map.entry("project", "nlp"));
        assertThat(spec.egress()).isEqualTo(Egress.WEB);
        assertThat(spec.allowSshFromAnywhere()).isFalse();
        assertThat(new SpecValidator().validate(spec)).isEmpty();
    }

    @Test
    void absentOptionalFieldsGetTheirDefaults() {
        LaunchSpec spec = LaunchSpecJson.read("""
                {"name": "a", "region": "eu-west-1", "amiId": "ami-01234567",
                 "instanceType": "g6.xlarge", "dataBucket": "data"}""");

        assertThat(spec).isEqualTo(LaunchSpec.builder().name("a").region("eu-west-1").amiId("ami-01234567")
                .instanceType("g6.xlarge").dataBucket("data").build());
        assertThat(spec.availabilityZone()).isNull();
        assertThat(spec.keyPair()).isNull();
        assertThat(spec.createKeyPair()).isFalse();
        assertThat(spec.dataPrefix()).isEmpty();
        assertThat(spec.bucketAccess()).isEqualTo(BucketAccess.READ_ONLY);
        assertThat(spec.dataVolumeGiB()).isEqualTo(100);
        assertThat(spec.rootVolumeGiB()).isEqualTo(100);
        assertThat(spec.deleteDataVolumeOnTermination()).isFalse();
        assertThat(spec.tenancy()).isEqualTo(Tenancy.DEFAULT);
        assertThat(spec.access()).isEqualTo(Access.SSM);
        assertThat(spec.sshCidr()).isNull();
        assertThat(spec.subnetId()).isNull();
        assertThat(spec.associatePublicIp()).isFalse();
        assertThat(spec.market()).isEqualTo(Market.ON_DEMAND);
        assertThat(spec.idleStopMinutes()).isEqualTo(60);
        assertThat(spec.tags()).isEmpty();
        assertThat(spec.egress()).isEqualTo(Egress.WEB);
        assertThat(spec.allowSshFromAnywhere()).isFalse();
    }

    @Test
    void writingThenReadingGivesAnEqualSpec() {
        LaunchSpec spec = LaunchSpec.builder().name("p5-run").region("ap-southeast-4")
                .availabilityZone("ap-southeast-4b").amiId("ami-0123456789abcdef0").instanceType("p5.48xlarge")
                .keyPair("new-key").createKeyPair(true).dataBucket("team.datasets.v2").dataPrefix("llama/v3/")
                .bucketAccess(BucketAccess.READ_WRITE).dataVolumeGiB(2048).rootVolumeGiB(200)
                .deleteDataVolumeOnTermination(true).tenancy(Tenancy.DEDICATED).access(Access.SSH)
                .sshCidr("2001:db8::/48").subnetId("subnet-0123abcd").associatePublicIp(true).market(Market.SPOT)
                .idleStopMinutes(0).tag("zeta", "last").tag("alpha", "first").tag("Kostenstelle", "Forschung ä")
                .egress(Egress.HTTPS_ONLY).allowSshFromAnywhere(true).build();

        String json = LaunchSpecJson.write(spec);
        LaunchSpec back = LaunchSpecJson.read(json);

        assertThat(back).isEqualTo(spec);
        assertThat(back.tags().keySet()).containsExactly("zeta", "alpha", "Kostenstelle");
        assertThat(LaunchSpecJson.write(back)).isEqualTo(json);
    }

    @Test
    void writesEveryFieldInContractOrderWithWireNames() throws IOException {
        String json = LaunchSpecJson.write(LaunchSpecJson.read(designExample()));
        JsonNode tree = SpecFixtures.JSON.readTree(json);

        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        // Fields added later (dataBucketOwner, permissionsBoundaryArn) are written only when set; network always.
        List<String> expected = new ArrayList<>(LaunchSpecJson.FIELDS.subList(0, LaunchSpecJson.FIELDS.indexOf("dataBucketOwner")));
        expected.add("network");
        assertThat(names).isEqualTo(expected);
        assertThat(json).contains("\"bucketAccess\": \"read-only\"", "\"market\": \"on-demand\"",
                "\"availabilityZone\": null").endsWith("}\n");
        assertThat(tree).isEqualTo(SpecFixtures.JSON.readTree(patched("{'egress':'web','allowSshFromAnywhere':false,'network':'private'}")));
    }

    @Test
    void readsAndWritesFilesAndStreams(@TempDir Path dir) throws IOException {
        LaunchSpec spec = LaunchSpecJson.read(designExample());
        Path file = dir.resolve("spec.json");

        LaunchSpecJson.write(spec, file);

        assertThat(LaunchSpecJson.read(file)).isEqualTo(spec);
        assertThat(LaunchSpecJson.read(new ByteArrayInputStream(Files.readAllBytes(file)))).isEqualTo(spec);
        assertThat(LaunchSpecJson.read(designExample().getBytes(StandardCharsets.UTF_8))).isEqualTo(spec);
        assertThatThrownBy(() -> LaunchSpecJson.read(dir.resolve("missing.json"))).isInstanceOf(IOException.class);
    }

    @Test
    void aByteOrderMarkIsAccepted() {
        assertThat(LaunchSpecJson.read("\uFEFF" + designExample()).name()).isEqualTo("llama-finetune");
        byte[] utf8 = ("\uFEFF" + designExample()).getBytes(StandardCharsets.UTF_8);
        assertThat(LaunchSpecJson.read(utf8).name()).isEqualTo("llama-finetune");
    }

    @Test
    void reportsEveryProblemAtOnceInFieldOrder() {
        String json = """
                {"flavour": "large", "name": "Llama", "region": "us-east-1", "amiId": "ami-123",
                 "instanceType": "g5.xlarge", "dataBucket": "ab", "dataVolumeGiB": 100.5,
                 "access": "ssh", "sshCidr": "0.0.0.0/0", "keyPair": "k",
                 "idleStopMinutes": 2, "tags": {"aws:x": "1", "ok": 5}, "egress": "none"}""";

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> LaunchSpecJson.read(json));

        assertThat(e.problems()).extracting(SpecProblem::field).containsExactly("name", "amiId", "dataBucket",
                "dataVolumeGiB", "sshCidr", "idleStopMinutes", "tags.ok", "tags", "egress", "flavour");
        assertThat(e.getMessage()).startsWith("invalid launch spec:\n  name: ");
        assertThat(e.getMessage().lines().skip(1)).hasSize(10)
                .allSatisfy(line -> assertThat(line).matches("  [A-Za-z.]+: .+"));
    }

    @Test
    void aFieldWithTheWrongTypeIsReportedOnceAndDoesNotMisleadOtherRules() {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class,
                () -> LaunchSpecJson.read(patched("{'region': 7, 'availabilityZone': 'us-east-1a', 'access': 7,"
                        + " 'sshCidr': '203.0.113.7/32'}")));

        assertThat(e.problems()).extracting(SpecProblem::toString).containsExactly(
                "region: must be a string, not 7", "access: must be one of ssm, ssh, not 7");
    }

    @Test
    void malformedJsonIsOneProblemWithItsPosition() {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class,
                () -> LaunchSpecJson.read("{\n  \"name\": \"x\",\n  oops\n}"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("(json)");
            assertThat(p.message()).contains("line 3, column 3");
        });
    }

    @Test
    void duplicateFieldsAreRefused() {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class,
                () -> LaunchSpecJson.read("{\"name\": \"a\", \"name\": \"b\"}"));

        assertThat(e.problems()).singleElement().extracting(SpecProblem::message).asString()
                .contains("Duplicate field 'name'");
    }

    static Stream<String> garbage() {
        return Stream.of("", " ", "\n\t", "null", "[]", "[{}]", "{", "}", "{]", "42", "-0", "1e400", "\"spec\"",
                "true", "{\"name\"}", "{\"name\":}", "{name: \"a\"}", "{'name': 'a'}", "{} {}", "{}x", "{\"a\":1,}",
                "{\"dataVolumeGiB\": 1e400}", "{\"dataVolumeGiB\": -1e400}", "{\"dataVolumeGiB\": NaN}",
                "{\"dataVolumeGiB\": " + "9".repeat(5000) + "}", "{\"dataVolumeGiB\": 0." + "1".repeat(5000) + "}",
                "\u0000", "{\"name\": \"a\u0000b\"}", "{\u0000}", "\"\\ud800\"", "{\"name\": \"\\ud800\"}",
                "[".repeat(100_000), "{\"a\":".repeat(50_000), "{\"tags\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                "// comment\n{}", "/* c */ {}", "{\"tags\": {\"a\": {\"b\": {}}}}", "\uFEFF\uFEFF{}");
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void garbageTextIsAnInvalidSpecNeverAnythingElse(String text) {
        assertThatThrownBy(() -> LaunchSpecJson.read(text)).isExactlyInstanceOf(InvalidSpecException.class)
                .satisfies(e -> assertThat(((InvalidSpecException) e).problems()).isNotEmpty());
        assertThatThrownBy(() -> LaunchSpecJson.read(text.getBytes(StandardCharsets.UTF_8)))
                .isExactlyInstanceOf(InvalidSpecException.class);
    }

    static Stream<byte[]> garbageBytes() {
        return Stream.of(new byte[0], new byte[] {0}, new byte[] {0, 0, 0, 0}, new byte[] {0, 0, 0, 0, 0, 0, 0, 0},
                new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0, 1, 2}, new byte[] {(byte) 0xfe, (byte) 0xff, 0},
                new byte[] {(byte) 0xc3, 0x28}, new byte[] {'{', '"', (byte) 0xc3, 0x28, '"', ':', '1', '}'},
                new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, '"', '}'},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80},
                new byte[] {0, '{', 0, '}'}, new byte[] {'{', 0, '}', 0}, new byte[LaunchSpecJson.MAX_BYTES + 1]);
    }

    @ParameterizedTest
    @MethodSource("garbageBytes")
    void garbageBytesAreAnInvalidSpecNeverAnythingElse(byte[] bytes) throws IOException {
        assertThatThrownBy(() -> LaunchSpecJson.read(bytes)).isExactlyInstanceOf(InvalidSpecException.class);
        assertThatThrownBy(() -> LaunchSpecJson.read(new ByteArrayInputStream(bytes)))
                .isExactlyInstanceOf(InvalidSpecException.class);
    }

    @Test
    void nullInputIsAnInvalidSpec() {
        assertThatThrownBy(() -> LaunchSpecJson.read((String) null)).isExactlyInstanceOf(InvalidSpecException.class);
        assertThatThrownBy(() -> LaunchSpecJson.read((byte[]) null)).isExactlyInstanceOf(InvalidSpecException.class);
        assertThatThrownBy(() -> LaunchSpecJson.fromTree(null)).isExactlyInstanceOf(InvalidSpecException.class);
    }

    @Test
    void randomlyDamagedSpecsNeverThrowAnythingElse() {
        Random random = new Random(20261126);
        byte[] valid = designExample().getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 3000; round++) {
            byte[] damaged = valid.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            byte[] input = round % 3 == 0 ? java.util.Arrays.copyOf(damaged, random.nextInt(damaged.length)) : damaged;
            try {
                LaunchSpecJson.read(input);
            } catch (InvalidSpecException expected) {
                assertThat(expected.problems()).isNotEmpty();
            }
        }
    }
}
