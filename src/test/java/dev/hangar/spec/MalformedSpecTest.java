package dev.hangar.spec;

import static dev.hangar.spec.SpecFixtures.patched;
import static dev.hangar.spec.SpecFixtures.str;
import static dev.hangar.spec.SpecFixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each row breaks one thing in the DESIGN.md example and names the field and message it must produce. */
class MalformedSpecTest {

    record Case(String title, String json, String field, String fragment) {
        @Override
        public String toString() {
            return title;
        }
    }

    private static Case bad(String patch, String field, String fragment) {
        return new Case(patch.length() > 70 ? patch.substring(0, 70) + "…" : patch, patched(patch), field, fragment);
    }

    private static Case missing(String removed, String fragment) {
        return new Case("without " + removed, without(removed), removed, fragment);
    }

    static Stream<Case> cases() {
        String ssh = "'access':'ssh','keyPair':'my-key',";
        List<Case> cases = new ArrayList<>(List.of(
                // name
                bad("{'name':'Llama'}", "name", "lowercase letters"),
                bad("{'name':'" + "a".repeat(41) + "'}", "name", "1 to 40"),
                bad("{'name':''}", "name", "1 to 40"),
                bad("{'name':'-llama'}", "name", "start or end with '-'"),
                bad("{'name':'llama-'}", "name", "start or end with '-'"),
                bad("{'name':'llama_2'}", "name", "lowercase letters, digits and '-'"),
                missing("name", "is required"),
                bad("{'name':null}", "name", "is required"),
                bad("{'name':42}", "name", "must be a string"),
                // region and zone
                bad("{'region':'us_east_1'}", "region", "not a region code"),
                bad("{'region':'US-EAST-1'}", "region", "not a region code"),
                bad("{'region':'useast1'}", "region", "like us-east-1"),
                missing("region", "is required"),
                bad("{'availabilityZone':'us-west-2a'}", "availabilityZone", "must start with us-east-1"),
                bad("{'availabilityZone':'use1-az1'}", "availabilityZone", "zone name like us-east-1a"),
                bad("{'availabilityZone':'us-east-1'}", "availabilityZone", "zone name"),
                bad("{'availabilityZone':5}", "availabilityZone", "must be a string"),
                // amiId and instanceType
                bad("{'amiId':'ami-123'}", "amiId", "8 or 17 lowercase hex"),
                bad("{'amiId':'ami-0123456789ABCDEF0'}", "amiId", "lowercase hex"),
                bad("{'amiId':'img-01234567'}", "amiId", "\"ami-\""),
                bad("{'amiId':'ami-0123456789abcdef'}", "amiId", "8 or 17"),
                missing("amiId", "is required"),
                bad("{'instanceType':'g5'}", "instanceType", "family.size"),
                bad("{'instanceType':'G5.XLARGE'}", "instanceType", "family.size"),
                bad("{'instanceType':'g5.xlarge.extra'}", "instanceType", "family.size"),
                bad("{'instanceType':'" + "g".repeat(30) + ".xlarge'}", "instanceType", "at most 32"),
                missing("instanceType", "is required"),
                // key pair
                bad("{" + ssh + "'keyPair':null,'sshCidr':'203.0.113.7/32'}", "keyPair", "required when access=ssh"),
                bad("{'createKeyPair':true,'keyPair':null}", "keyPair", "createKeyPair=true"),
                bad("{'keyPair':''}", "keyPair", "1 to 255"),
                bad("{'keyPair':'" + "k".repeat(256) + "'}", "keyPair", "1 to 255"),
                bad("{'keyPair':'ключ'}", "keyPair", "only letters, digits, '.', '_' and '-'"),
                bad("{'keyPair':'my\\tkey'}", "keyPair", "only letters, digits, '.', '_' and '-'"),
                bad("{'createKeyPair':true,'keyPair':'../../.ssh/authorized_keys'}", "keyPair", "private key's file name"),
                bad("{'createKeyPair':true,'keyPair':'/32'}", "keyPair", "only letters, digits, '.', '_' and '-'"),
                bad("{'createKeyPair':true,'keyPair':'a\\\\b'}", "keyPair", "only letters, digits, '.', '_' and '-'"),
                bad("{'createKeyPair':'yes'}", "createKeyPair", "true or false"),
                // data bucket
                bad("{'dataBucket':'ab'}", "dataBucket", "3 to 63"),
                bad("{'dataBucket':'" + "b".repeat(64) + "'}", "dataBucket", "3 to 63"),
                bad("{'dataBucket':'My-Datasets'}", "dataBucket", "lowercase letters, digits"),
                bad("{'dataBucket':'my_datasets'}", "dataBucket", "found \"_\""),
                bad("{'dataBucket':'my..datasets'}", "dataBucket", "two adjacent periods"),
                bad("{'dataBucket':'192.168.5.4'}", "dataBucket", "IP address"),
                bad("{'dataBucket':'xn--datasets'}", "dataBucket", "\"xn--\""),
                bad("{'dataBucket':'sthree-datasets'}", "dataBucket", "\"sthree-\""),
                bad("{'dataBucket':'amzn-s3-demo-bucket'}", "dataBucket", "\"amzn-s3-demo-\""),
                bad("{'dataBucket':'datasets-s3alias'}", "dataBucket", "\"-s3alias\""),
                bad("{'dataBucket':'datasets--ol-s3'}", "dataBucket", "\"--ol-s3\""),
                bad("{'dataBucket':'datasets.mrap'}", "dataBucket", "\".mrap\""),
                bad("{'dataBucket':'datasets--x-s3'}", "dataBucket", "\"--x-s3\""),
                bad("{'dataBucket':'datasets--table-s3'}", "dataBucket", "\"--table-s3\""),
                bad("{'dataBucket':'-datasets'}", "dataBucket", "must start with a lowercase letter or digit"),
                bad("{'dataBucket':'datasets.'}", "dataBucket", "must end with a lowercase letter or digit"),
                bad("{'dataBucket':'s3://my-datasets'}", "dataBucket", "bucket name only"),
                missing("dataBucket", "is required"),
                // data prefix
                bad("{'dataPrefix':'/train'}", "dataPrefix", "must not start with '/'"),
                bad("{'dataPrefix':'train\\u0001'}", "dataPrefix", "control characters"),
                bad("{'dataPrefix':'" + "p".repeat(1025) + "'}", "dataPrefix", "1024 bytes"),
                bad("{'dataPrefix':'" + "é".repeat(513) + "'}", "dataPrefix", "1024 bytes"),
                bad("{'dataPrefix':'train/*'}", "dataPrefix", "wildcards in the IAM policy"),
                bad("{'dataPrefix':null}", "dataPrefix", "must be a string"),
                // enums
                bad("{'bucketAccess':'readonly'}", "bucketAccess", "one of read-only, read-write"),
                bad("{'bucketAccess':1}", "bucketAccess", "one of read-only, read-write"),
                bad("{'bucketAccess':null}", "bucketAccess", "one of"),
                bad("{'tenancy':'host'}", "tenancy", "one of default, dedicated"),
                bad("{'access':'rdp'}", "access", "one of ssm, ssh"),
                bad("{'access':'SSH'}", "access", "one of ssm, ssh"),
                bad("{'market':'reserved'}", "market", "one of on-demand, spot"),
                bad("{'egress':'none'}", "egress", "one of web, https-only, all"),
                // numbers
                bad("{'dataVolumeGiB':0}", "dataVolumeGiB", "from 1 to 16384"),
                bad("{'dataVolumeGiB':16385}", "dataVolumeGiB", "from 1 to 16384"),
                bad("{'dataVolumeGiB':100.5}", "dataVolumeGiB", "whole number"),
                bad("{'dataVolumeGiB':'100'}", "dataVolumeGiB", "whole number"),
                bad("{'dataVolumeGiB':99999999999}", "dataVolumeGiB", "in range"),
                bad("{'dataVolumeGiB':" + "9".repeat(200) + "}", "dataVolumeGiB", "200-digit number"),
                bad("{'dataVolumeGiB':true}", "dataVolumeGiB", "whole number"),
                bad("{'rootVolumeGiB':-1}", "rootVolumeGiB", "from 1 to 16384"),
                bad("{'rootVolumeGiB':1e400}", "rootVolumeGiB", "whole number"),
                bad("{'rootVolumeGiB':null}", "rootVolumeGiB", "whole number"),
                bad("{'idleStopMinutes':3}", "idleStopMinutes", "0 turns it off"),
                bad("{'idleStopMinutes':10081}", "idleStopMinutes", "10080"),
                bad("{'idleStopMinutes':-1}", "idleStopMinutes", "0 turns it off"),
                bad("{'idleStopMinutes':[60]}", "idleStopMinutes", "whole number"),
                // booleans
                bad("{'deleteDataVolumeOnTermination':0}", "deleteDataVolumeOnTermination", "true or false"),
                bad("{'associatePublicIp':'true'}", "associatePublicIp", "true or false"),
                bad("{'allowSshFromAnywhere':'yes'}", "allowSshFromAnywhere", "true or false"),
                // access and sshCidr
                bad("{'access':'ssh'}", "sshCidr", "required when access=ssh"),
                bad("{'sshCidr':'203.0.113.7/32'}", "sshCidr", "only used with access=ssh"),
                bad("{" + ssh + "'sshCidr':'0.0.0.0/0'}", "sshCidr", "allowSshFromAnywhere=true"),
                bad("{" + ssh + "'sshCidr':'::/0'}", "sshCidr", "allowSshFromAnywhere=true"),
                bad("{" + ssh + "'sshCidr':'10.0.0.5/24'}", "sshCidr",
                        "10.0.0.5/24 has host bits set; did you mean 10.0.0.0/24?"),
                bad("{" + ssh + "'sshCidr':'010.0.0.1/32'}", "sshCidr", "leading zero"),
                bad("{" + ssh + "'sshCidr':'256.1.1.1/32'}", "sshCidr", "out of range 0-255"),
                bad("{" + ssh + "'sshCidr':'10.0.0.1/33'}", "sshCidr", "0 to 32"),
                bad("{" + ssh + "'sshCidr':'10.0.0.1/032'}", "sshCidr", "0 to 32"),
                bad("{" + ssh + "'sshCidr':'10.0.0.1'}", "sshCidr", "prefix length"),
                bad("{" + ssh + "'sshCidr':'10.0.0/8'}", "sshCidr", "not an IPv4 or IPv6 CIDR"),
                bad("{" + ssh + "'sshCidr':'localhost/32'}", "sshCidr", "not an IPv4 or IPv6 CIDR"),
                bad("{" + ssh + "'sshCidr':'2001:db8::1/129'}", "sshCidr", "0 to 128"),
                bad("{" + ssh + "'sshCidr':'2001:db8::1/64'}", "sshCidr", "did you mean 2001:db8::/64?"),
                bad("{" + ssh + "'sshCidr':'fe80::1%eth0/128'}", "sshCidr", "not a valid IPv6"),
                bad("{" + ssh + "'sshCidr':'gggg::1/128'}", "sshCidr", "not a valid IPv6"),
                bad("{" + ssh + "'sshCidr':'1:2:3:4:5:6:7:8:9/128'}", "sshCidr", "not a valid IPv6"),
                bad("{" + ssh + "'sshCidr':'::ffff:10.0.0.1/128'}", "sshCidr", "IPv4-mapped"),
                bad("{'subnetId':'subnet-123'}", "subnetId", "8 or 17 lowercase hex"),
                bad("{'subnetId':'sg-0123456789abcdef0'}", "subnetId", "\"subnet-\""),
                // tags
                bad("{'tags':['project','nlp']}", "tags", "must be an object"),
                bad("{'tags':null}", "tags", "must be an object"),
                bad("{'tags':{'year':2024}}", "tags.year", "must be a string"),
                bad("{'tags':{'aws:foo':'x'}}", "tags", "key \"aws:foo\" must not start with \"aws:\""),
                bad("{'tags':{'AWS:Foo':'x'}}", "tags", "\"aws:\""),
                bad("{'tags':{'hangar:name':'x'}}", "tags", "\"hangar:\""),
                bad("{'tags':{'':'x'}}", "tags", "1 to 128"),
                bad("{'tags':{'" + "k".repeat(129) + "':'x'}}", "tags", "1 to 128"),
                bad("{'tags':{'cost#center':'x'}}", "tags", "key \"cost#center\" may contain only"),
                bad("{'tags':{'project':'" + "v".repeat(257) + "'}}", "tags.project", "at most 256"),
                bad("{'tags':{'project':'nlp;drop'}}", "tags.project", "may contain only"),
                bad("{'tags':{'project':'line\\nbreak'}}", "tags.project", "may contain only"),
                bad("{'tags':{'Kostenstelle':'Forschung & Entwicklung'}}", "tags.Kostenstelle", "may contain only"),
                bad("{'tags':{" + IntStream.range(0, 46).mapToObj(i -> str("k" + i) + ":'v'")
                        .collect(Collectors.joining(",")) + "}}", "tags", "at most 45"),
                // unknown fields
                bad("{'flavour':'large'}", "flavour", "field \"flavour\" is not a launch spec field"),
                bad("{'Region':'us-east-1'}", "Region", "did you mean \"region\"?"),
                bad("{'instancetype':'g5.xlarge'}", "instancetype", "did you mean \"instanceType\"?"),
                bad("{'egres':'web'}", "egres", "did you mean \"egress\"?")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheFieldAndWhatIsWrong(Case c) {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> LaunchSpecJson.read(c.json()));

        assertThat(e).as("expected %s to be refused", c.json()).isNotNull();
        assertThat(e.problems())
                .filteredOn(p -> p.field().equals(c.field()))
                .as("problems: %s", e.problems())
                .anySatisfy(p -> assertThat(p.message()).contains(c.fragment()));
        assertThat(e.getMessage()).contains("\n  " + c.field() + ": ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsNothingAboutTheFieldsThatAreFine(Case c) {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> LaunchSpecJson.read(c.json()));

        assertThat(e).as("expected %s to be refused", c.json()).isNotNull();
        assertThat(e.problems()).extracting(SpecProblem::field).containsOnly(c.field());
    }

    @Test
    void thereAreAtLeastFortyDistinctCases() {
        assertThat(cases().map(Case::json).distinct().count()).isGreaterThanOrEqualTo(40);
    }
}
