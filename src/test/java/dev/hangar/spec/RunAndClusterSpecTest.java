package dev.hangar.spec;

import static dev.hangar.spec.SpecFixtures.patched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fields added for runs, clusters and capacity reservations: read, written back, and every problem named. */
class RunAndClusterSpecTest {

    @Test
    void theDesignExampleOfRunAndClusterFieldsReads() {
        LaunchSpec spec = LaunchSpecJson.read(patched("""
                {'capacityReservationId': 'cr-0123456789abcdef0',
                 'run': {'code': './my-project', 'setup': 'pip install -r requirements.txt',
                         'command': 'torchrun --nproc_per_node=gpu train.py', 'env': {'EPOCHS': '3'}, 'stopWhenDone': true}}"""));

        assertThat(spec.capacityReservationId()).isEqualTo("cr-0123456789abcdef0");
        assertThat(spec.run()).isEqualTo(new RunSpec("./my-project", "pip install -r requirements.txt",
                "torchrun --nproc_per_node=gpu train.py", Map.of("EPOCHS", "3"), true));
        assertThat(spec.cluster()).isNull();
    }

    @Test
    void absentRunFieldsTakeTheirDefaultsAndAbsentClusterFieldsToo() {
        LaunchSpec spec = LaunchSpecJson.read(patched("{'run': {'command': 'python train.py'}}"));
        assertThat(spec.run()).isEqualTo(new RunSpec(null, null, "python train.py", Map.of(), true));

        LaunchSpec cluster = LaunchSpecJson.read(patched("{'cluster': {'nodes': 4}}"));
        assertThat(cluster.cluster()).isEqualTo(new ClusterSpec(4, 0, EfaMode.AUTO, 30, "t3.medium"));
    }

    @Test
    void writingThenReadingKeepsRunClusterAndReservation() {
        LaunchSpec spec = LaunchSpecJson.read(patched("""
                {'capacityReservationId': 'cr-0123456789abcdef0',
                 'cluster': {'nodes': 8, 'minNodes': 1, 'efa': 'on', 'scaledownIdleMinutes': 15, 'headNodeType': 'c5.large'}}"""));
        assertThat(LaunchSpecJson.read(LaunchSpecJson.write(spec))).isEqualTo(spec);

        LaunchSpec run = LaunchSpecJson.read(patched(
                "{'run': {'code': 's3://code-bucket/proj/', 'command': 'bash run.sh', 'env': {'A': '1', 'B': '2'}, 'stopWhenDone': false}}"));
        assertThat(LaunchSpecJson.read(LaunchSpecJson.write(run))).isEqualTo(run);
    }

    @Test
    void anOlderSpecWritesNoneOfTheNewFields() {
        String json = LaunchSpecJson.write(LaunchSpecJson.read(patched("{}")));
        assertThat(json).doesNotContain("\"run\"", "\"cluster\"", "capacityReservationId");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {'capacityReservationId': 'cr-123'}                                  | capacityReservationId | cr-
            {'capacityReservationId': 'cr-0123456789abcdef0', 'market': 'spot'}  | capacityReservationId | cannot be used with market "spot"
            {'run': 'python train.py'}                                           | run                   | must be an object
            {'run': {'setup': 'pip install x'}}                                  | run.command           | is required
            {'run': {'command': '   '}}                                          | run.command           | is required
            {'run': {'command': 'x', 'cmd': 'y'}}                                | run.cmd               | not a field of run
            {'run': {'command': 'x', 'code': 'https://github.com/a/b'}}          | run.code              | local folder or s3://
            {'run': {'command': 'x', 'code': 's3://bucket-only'}}                | run.code              | bucket and a prefix
            {'run': {'command': 'x', 'code': 's3://Bad_Bucket/p/'}}              | run.code              | bucket
            {'run': {'command': 'x', 'env': {'1BAD': 'v'}}}                      | run.env               | variable name
            {'run': {'command': 'x', 'env': {'HANGAR_DATA': 'v'}}}               | run.env.HANGAR_DATA   | set by Hangar
            {'run': {'command': 'x', 'env': {'A': 3}}}                           | run.env.A             | must be a string
            {'run': {'command': 'x', 'stopWhenDone': 'yes'}}                     | run.stopWhenDone      | true or false
            {'cluster': {'nodes': 0}}                                            | cluster.nodes         | from 1
            {'cluster': {'nodes': 2, 'minNodes': 3}}                             | cluster.minNodes      | from 0 to nodes
            {'cluster': {'efa': 'maybe'}}                                        | cluster.efa           | auto, on, off
            {'cluster': {'scaledownIdleMinutes': 0}}                             | cluster.scaledownIdleMinutes | from 1
            {'cluster': {'headNodeType': 'big box'}}                             | cluster.headNodeType  | not an instance type
            {'cluster': {'nodez': 2}}                                            | cluster.nodez         | not a field of cluster
            {'cluster': {'nodes': 2}, 'run': {'command': 'x'}}                   | run                   | sbatch
            """)
    void everyProblemNamesItsField(String patch, String field, String message) {
        InvalidSpecException e = catchThrowableOfType(() -> LaunchSpecJson.read(patched(patch)), InvalidSpecException.class);

        assertThat(e).as(patch).isNotNull();
        assertThat(e.problems()).as(patch).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.message()).contains(message);
        });
    }

    @Test
    void theRunIsCountedInTheBytesItTakesInTheUserData() {
        // 3 bytes each in UTF-8; an env value's '"' and '\\' are escaped; 4 more per variable; the data prefix twice.
        LaunchSpec spec = LaunchSpec.builder().name("a").region("us-east-1").amiId("ami-01234567").instanceType("g5.xlarge")
                .dataBucket("data").dataPrefix("p/").run(new RunSpec(null, "\u20ac".repeat(10), "c", Map.of("K", "a\"\\"), true)).build();

        assertThat(RunRules.userDataBytes(spec)).isEqualTo(30 + 1 + (1 + 3 + 2 + 4) + 2 * 2);
    }

    @Test
    void aRunNeedsADataPrefixThatIsAFolder() {
        LaunchSpec spec = LaunchSpec.builder().name("a").region("us-east-1").amiId("ami-01234567").instanceType("g5.xlarge")
                .dataBucket("data").dataPrefix("datasets").run(new RunSpec(null, null, "python train.py", Map.of(), true)).build();

        assertThat(new SpecValidator().validate(spec)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("dataPrefix");
            assertThat(p.message()).contains("must end with '/'", "\"datasets\"");
        });
    }

    @Test
    void anOversizedRunIsOneProblemSayingWhereLongerScriptsGo() {
        LaunchSpec spec = LaunchSpec.builder().name("a").region("us-east-1").amiId("ami-01234567").instanceType("g5.xlarge")
                .dataBucket("data").run(new RunSpec(null, "x".repeat(5_000), "y".repeat(2_000), Map.of(), true)).build();

        List<SpecProblem> problems = new SpecValidator().validate(spec);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("run");
            assertThat(p.message()).contains("take 7000 bytes", "at most " + RunSpec.MAX_USER_DATA_BYTES, "code folder");
        });
    }
}
