package dev.hangar.spec;

import static dev.hangar.spec.SpecFixtures.patched;
import static dev.hangar.spec.SpecFixtures.validBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecValidatorTest {

    private final SpecValidator validator = new SpecValidator();

    @ParameterizedTest
    @ValueSource(strings = {
        "{'access':'ssh','sshCidr':'203.0.113.7/32'}",
        "{'access':'ssh','sshCidr':'10.0.0.0/8'}",
        "{'access':'ssh','sshCidr':'2001:db8::1/128'}",
        "{'access':'ssh','sshCidr':'2001:db8::/32'}",
        "{'access':'ssh','sshCidr':'2001:DB8:0:0:0:0:0:1/128'}",
        "{'access':'ssh','sshCidr':'0.0.0.0/0','allowSshFromAnywhere':true}",
        "{'access':'ssh','sshCidr':'::/0','allowSshFromAnywhere':true}",
        "{'access':'ssh','keyPair':'new-key','createKeyPair':true,'sshCidr':'198.51.100.0/24'}",
        "{'access':'ssm','keyPair':null}",
        "{'createKeyPair':true,'keyPair':'fresh_key.2026-A'}",
        "{'amiId':'ami-0123456789abcdef0'}",
        "{'amiId':'ami-01234567'}",
        "{'dataBucket':'team.datasets.v2'}",
        "{'dataBucket':'abc'}",
        "{'dataBucket':'1-2-3'}",
        "{'dataBucket':'" + "b234567890123456789012345678901234567890123456789012345678901a3" + "'}",
        "{'dataPrefix':'datasets/llama/'}",
        "{'dataPrefix':'ü-daten/2026 run/'}",
        "{'region':'il-central-1'}",
        "{'region':'me-south-1'}",
        "{'region':'eu-central-2'}",
        "{'region':'ap-southeast-4'}",
        "{'availabilityZone':'us-east-1f'}",
        "{'instanceType':'p4d.24xlarge'}",
        "{'instanceType':'p5e.48xlarge'}",
        "{'instanceType':'g6e.12xlarge'}",
        "{'instanceType':'inf2.xlarge'}",
        "{'instanceType':'trn1.32xlarge'}",
        "{'instanceType':'g5g.metal'}",
        "{'instanceType':'dl1.24xlarge'}",
        "{'instanceType':'u-6tb1.metal'}",
        "{'name':'a'}",
        "{'name':'0123456789012345678901234567890123456789'}",
        "{'dataVolumeGiB':1,'rootVolumeGiB':16384}",
        "{'idleStopMinutes':0}",
        "{'idleStopMinutes':5}",
        "{'idleStopMinutes':10080}",
        "{'subnetId':'subnet-0123abcd'}",
        "{'subnetId':'subnet-0123456789abcdef0'}",
        "{'tags':{}}",
        "{'tags':{'Projekt':'Übersetzung','team/owner':'a.b+c=d@e:f_g-h','empty':''}}",
        "{'tags':{'プロジェクト':'翻訳 2026'}}",
        "{'egress':'https-only','market':'spot','tenancy':'default','bucketAccess':'read-write'}",
        "{'egress':'all'}",
    })
    void acceptsValidEdgeCases(String patch) {
        LaunchSpec spec = LaunchSpecJson.read(patched(patch));

        assertThat(validator.validate(spec)).isEmpty();
    }

    /** The name ends up in the printed ssh command and, with createKeyPair, in a file name: no shell metacharacters. */
    @ParameterizedTest
    @ValueSource(strings = {"fresh key (2026)", "k;rm -rf ~", "$(id)", "a`id`", "it's", "a\"b", "a|b", "a&b", "a>b", "~x", "a*b", "k\\n", "../k"})
    void keyPairAllowsOnlyLettersDigitsDotsUnderscoresAndDashes(String name) {
        assertThat(validator.validate(validBuilder().keyPair(name).build())).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("keyPair"))
                .satisfies(p -> assertThat(p.message()).contains("only letters, digits, '.', '_' and '-'"));
    }

    /** IAM is called on the standard partition's global endpoint: another partition's region would fail late. */
    @ParameterizedTest
    @ValueSource(strings = {"us-gov-west-1", "us-gov-east-1", "cn-north-1", "cn-northwest-1", "us-iso-east-1", "us-isob-east-1"})
    void regionsOutsideTheStandardPartitionAreRefusedUpFront(String region) {
        assertThat(validator.validate(validBuilder().region(region).build())).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("region"))
                .satisfies(p -> assertThat(p.message()).contains(region, "partition"));
    }

    @Test
    void acceptsFortyFiveTagsButNotFortySix() {
        Map<String, String> tags = new LinkedHashMap<>();
        IntStream.range(0, 45).forEach(i -> tags.put("k" + i, "v"));

        assertThat(validator.validate(validBuilder().tags(tags).build())).isEmpty();
        assertThat(validator.validate(validBuilder().tags(tags).tag("one-more", "v").build()))
                .extracting(SpecProblem::field).containsExactly("tags");
    }

    @Test
    void aHalfBuiltSpecFromTheWizardGivesProblemsNotExceptions() {
        LaunchSpec empty = LaunchSpec.builder().bucketAccess(null).tenancy(null).access(null).market(null)
                .egress(null).dataPrefix(null).tags(null).build();

        assertThat(validator.validate(empty)).extracting(SpecProblem::toString).containsExactly(
                "name: is required",
                "region: is required",
                "amiId: is required",
                "instanceType: is required",
                "dataBucket: is required",
                "bucketAccess: is required (one of read-only, read-write)",
                "tenancy: is required (one of default, dedicated)",
                "access: is required (one of ssm, ssh)",
                "market: is required (one of on-demand, spot)",
                "egress: is required (one of web, https-only, all)");
    }

    @Test
    void nullAccessDoesNotJudgeSshCidr() {
        assertThat(validator.validate(validBuilder().access(null).sshCidr("0.0.0.0/0").build()))
                .extracting(SpecProblem::field).containsExactly("access");
    }

    @Test
    void nullTagKeysAndValuesFromTheBuilderAreProblems() {
        Map<String, String> tags = new HashMap<>();
        tags.put(null, "x");
        tags.put("owner", null);

        assertThat(validator.validate(validBuilder().tags(tags).build())).extracting(SpecProblem::toString)
                .containsExactlyInAnyOrder("tags: a tag key must not be null",
                        "tags.owner: must be a string, not null (use \"\" for an empty value)");
    }

    @Test
    void hostBitsSuggestTheNetworkAddress() {
        assertThat(cidrProblems("192.168.1.77/16")).containsExactly(
                "192.168.1.77/16 has host bits set; did you mean 192.168.0.0/16?");
        assertThat(cidrProblems("10.0.0.1/31")).containsExactly("10.0.0.1/31 has host bits set; did you mean 10.0.0.0/31?");
        assertThat(cidrProblems("2001:db8:0:0:1::/48")).containsExactly(
                "2001:db8:0:0:1::/48 has host bits set; did you mean 2001:db8::/48?");
        assertThat(cidrProblems("fe80::1:2:3:4/64")).containsExactly(
                "fe80::1:2:3:4/64 has host bits set; did you mean fe80::/64?");
        assertThat(cidrProblems("2001:db8:1:0:0:1:0:1/112")).containsExactly(
                "2001:db8:1:0:0:1:0:1/112 has host bits set; did you mean 2001:db8:1::1:0:0/112?");
    }

    @Test
    void theWholeInternetNeedsTheExplicitOverride() {
        assertThat(cidrProblems("0.0.0.0/0")).singleElement().asString()
                .contains("sshCidr 0.0.0.0/0 opens SSH to the whole internet", "allowSshFromAnywhere=true");
        assertThat(cidrProblems("10.0.0.0/0")).hasSize(2).last().asString().contains("allowSshFromAnywhere=true");
        assertThat(validator.validate(validBuilder().access(Access.SSH).keyPair("k").sshCidr("::/0")
                .allowSshFromAnywhere(true).build())).isEmpty();
    }

    @Test
    void hostNamesAreNeverLookedUp() {
        // Not hex, colon and dot only: refused before InetAddress sees it.
        assertThat(cidrProblems("example.com/32")).singleElement().asString().contains("not an IPv4 or IPv6");
        assertThat(cidrProblems("exa:mple.com/128")).singleElement().asString().contains("not a valid IPv6");
        assertThat(cidrProblems(".:1/128")).singleElement().asString().contains("not a valid IPv6");
    }

    @Test
    void aZoneMustBelongToTheSpecsRegion() {
        assertThat(validator.validate(validBuilder().region("eu-west-1").availabilityZone("eu-west-10a").build()))
                .extracting(SpecProblem::toString)
                .containsExactly("availabilityZone: eu-west-10a is not in the spec's region eu-west-1; "
                        + "it must start with eu-west-1");
    }

    @Test
    void aBucketNameBreakingSeveralRulesGetsAMessageForEach() {
        assertThat(validator.validate(validBuilder().dataBucket("Xn--..Bad-").build()))
                .filteredOn(p -> p.field().equals("dataBucket")).hasSize(4);
    }

    @Test
    void requireValidThrowsWithEveryProblem() {
        assertThat(validator.requireValid(validBuilder().build())).isNotNull();
        assertThatThrownBy(() -> validator.requireValid(validBuilder().name("").idleStopMinutes(1).build()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("invalid launch spec:\n"
                        + "  name: must be 1 to 40 characters long (got 0)\n"
                        + "  idleStopMinutes: must be 0 (0 turns it off) or from 5 to 10080 minutes, not 1");
    }

    private java.util.List<String> cidrProblems(String cidr) {
        return validator.validate(validBuilder().access(Access.SSH).keyPair("k").sshCidr(cidr).build()).stream()
                .peek(p -> assertThat(p.field()).isEqualTo("sshCidr"))
                .map(SpecProblem::message).collect(Collectors.toList());
    }
}
