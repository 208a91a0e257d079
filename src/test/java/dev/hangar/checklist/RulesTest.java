package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;

import static dev.hangar.checklist.Specs.*;
import static dev.hangar.checklist.Status.FAIL;
import static dev.hangar.checklist.Status.PASS;
import static dev.hangar.checklist.Status.WARN;
import static dev.hangar.spec.NetworkMode.ISOLATED;
import static dev.hangar.spec.NetworkMode.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.spec.BucketAccess;
import dev.hangar.spec.Egress;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.SpecValidator;
import dev.hangar.spec.Tenancy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule, passing and not, with its control IDs, and every one-click fix making its rule pass. */
class RulesTest {

    static final Map<String, List<String>> CONTROLS = Map.ofEntries(
            Map.entry("data-bucket-not-public", List.of("S3.2", "S3.3", "S3.8")),
            Map.entry("imdsv2-required", List.of("EC2.8", "CKV_AWS_79")),
            Map.entry("ebs-volumes-encrypted", List.of("EC2.3", "CKV_AWS_8", "CKV_AWS_3")),
            Map.entry("ebs-encryption-by-default", List.of("EC2.7")),
            Map.entry("no-admin-ports-from-anywhere", List.of("EC2.13", "EC2.14", "EC2.53", "EC2.54", "CKV_AWS_24", "CKV_AWS_25")),
            Map.entry("no-high-risk-ports-open", List.of("EC2.19")),
            Map.entry("only-authorized-ports-unrestricted", List.of("EC2.18")),
            Map.entry("own-security-group", List.of("EC2.2")),
            Map.entry("restricted-egress", List.of("CKV_AWS_382")),
            Map.entry("no-public-ip", List.of("EC2.9", "CKV_AWS_88")),
            Map.entry("private-subnet", List.of()),
            Map.entry("instance-can-reach-aws", List.of()),
            Map.entry("internet-downloads", List.of()),
            Map.entry("managed-by-ssm", List.of("SSM.1")),
            Map.entry("least-privilege-data-access", List.of("CKV_AWS_355", "CKV_AWS_290")),
            Map.entry("no-secrets-in-user-data", List.of("CKV_AWS_46")),
            Map.entry("data-bucket-blocks-public-access", List.of("S3.8", "S3.1")),
            Map.entry("data-bucket-requires-tls", List.of("S3.5")),
            Map.entry("data-bucket-default-encryption", List.of("S3.4")),
            Map.entry("ami-up-to-date", List.of()),
            Map.entry("image-fits-accelerator", List.of()),
            Map.entry("detailed-monitoring", List.of("CKV_AWS_126")),
            Map.entry("ebs-optimized", List.of("CKV_AWS_135")),
            Map.entry("idle-stop-on", List.of()),
            Map.entry("data-volume-kept", List.of()),
            Map.entry("tenancy-isolation", List.of()));

    /** Rules that pass by construction: they document a guarantee, or only advise. */
    static final Set<String> ALWAYS_PASS = Set.of("imdsv2-required", "ebs-volumes-encrypted", "own-security-group",
            "detailed-monitoring", "ebs-optimized", "tenancy-isolation");

    record Case(String name, Rule rule, LaunchSpec spec, AccountFacts facts, Status expected, String detailHas) {
        @Override
        public String toString() {
            return rule.id() + ": " + name;
        }
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void add(Rule rule, String name, LaunchSpec spec, AccountFacts facts, Status expected, String detailHas) {
        CASES.add(new Case(name, rule, spec, facts, expected, detailHas));
    }

    private static void add(Rule rule, String name, LaunchSpec spec, Status expected, String detailHas) {
        add(rule, name, spec, unknown(), expected, detailHas);
    }

    static {
        Rule imds = new ImdsV2Rule();
        add(imds, "ssm", spec(), PASS, "HttpTokens=required");
        add(imds, "ssh", ssh("203.0.113.7/32"), PASS, "HttpPutResponseHopLimit=1");

        Rule encrypted = new EncryptedVolumesRule();
        add(encrypted, "default volumes", spec(), PASS, "Encrypted=true");
        add(encrypted, "big volumes", base().rootVolumeGiB(500).dataVolumeGiB(2000).build(), PASS, "2000 GiB");

        Rule ebsDefault = new EbsEncryptionByDefaultRule();
        add(ebsDefault, "on", spec(), facts().ebsEncryptionByDefault(true).build(), PASS, "is on");
        add(ebsDefault, "off", spec(), facts().ebsEncryptionByDefault(false).build(), WARN, "is off in us-east-1");
        add(ebsDefault, "unknown", spec(), WARN, "Could not check");

        Rule admin = new NoAdminPortsFromAnywhereRule();
        add(admin, "ssm opens nothing", spec(), PASS, "No inbound rule");
        add(admin, "own /32", ssh("203.0.113.7/32"), PASS, "203.0.113.7/32");
        add(admin, "site /24", ssh("203.0.113.0/24"), PASS, "only to");
        add(admin, "ipv6 /128", ssh("2001:db8::1/128"), PASS, "only to");
        add(admin, "ipv6 /56", ssh("2001:db8::/56"), PASS, "only to");
        add(admin, "broad /16", ssh("10.1.0.0/16"), WARN, "65,536 addresses");
        add(admin, "broad ipv6 /48", ssh("2001:db8::/48"), WARN, "2^80 addresses");
        add(admin, "ipv4 world", ssh("0.0.0.0/0"), FAIL, "whole internet");
        add(admin, "ipv6 world", ssh("::/0"), FAIL, "whole internet");

        Rule highRisk = new HighRiskPortsRule();
        add(highRisk, "ssm", spec(), PASS, "No inbound port");
        add(highRisk, "own /32", ssh("203.0.113.7/32"), PASS, "only to 203.0.113.7/32");
        add(highRisk, "broad but not world", ssh("10.0.0.0/8"), PASS, "only to");
        add(highRisk, "ipv4 world", ssh("0.0.0.0/0"), FAIL, "Port 22");
        add(highRisk, "ipv6 world", ssh("::/0"), FAIL, "::/0");

        Rule unrestricted = new UnrestrictedPortsRule();
        add(unrestricted, "ssm", spec(), PASS, "No port");
        add(unrestricted, "own /32", ssh("203.0.113.7/32"), PASS, "No port");
        add(unrestricted, "ipv4 world", ssh("0.0.0.0/0"), FAIL, "only 80 and 443");
        add(unrestricted, "ipv6 world", ssh("::/0"), FAIL, "only 80 and 443");

        Rule ownGroup = new OwnSecurityGroupRule();
        add(ownGroup, "ssm", spec(), PASS, "hangar-<launch id>");
        add(ownGroup, "ssh", ssh("203.0.113.7/32"), PASS, "never uses the default");

        Rule egress = new RestrictedEgressRule();
        add(egress, "web", spec(), PASS, "80 and 443");
        add(egress, "https-only", base().egress(Egress.HTTPS_ONLY).build(), PASS, "443");
        add(egress, "all", base().egress(Egress.ALL).build(), WARN, "every protocol");

        Rule publicIp = new NoPublicIpRule();
        add(publicIp, "private network", spec(), PASS, "No public IPv4 address: the instance sits in Hangar's private subnet");
        add(publicIp, "isolated network in a pinned zone", base().network(ISOLATED).availabilityZone("us-east-1b").build(), PASS,
                "Hangar's isolated subnet 10.213.136.0/21 in us-east-1b and reaches AWS only through VPC endpoints");
        add(publicIp, "existing subnet, no public ip", base().subnetId(SUBNET).build(), PASS, "No public IPv4 address is requested");
        add(publicIp, "private subnet", base().subnetId(SUBNET).associatePublicIp(true).build(),
                facts().subnetIsPublic(false).build(), WARN, "No inbound port is open");
        add(publicIp, "unknown subnet", base().subnetId(SUBNET).associatePublicIp(true).build(), WARN, "public IPv4");
        add(publicIp, "with ssh", ssh("203.0.113.7/32").toBuilder().subnetId(SUBNET).associatePublicIp(true).build(),
                WARN, "SSH is open to 203.0.113.7/32");
        add(publicIp, "network public: the fix is Hangar's private network", base().network(PUBLIC).build(), WARN,
                "network public: the default VPC");
        add(publicIp, "network public with ssh: Session Manager too", ssh("203.0.113.7/32").toBuilder().network(PUBLIC).build(), WARN,
                "SSH is open to 203.0.113.7/32");
        add(publicIp, "network public, associatePublicIp said too", base().network(PUBLIC).associatePublicIp(true).build(), WARN,
                "public IPv4");
        add(publicIp, "public subnet named: manual fix only", base().subnetId(SUBNET).associatePublicIp(true).build(),
                facts().subnetIsPublic(true).build(), WARN, "public IPv4");

        Rule privateSubnet = new PrivateSubnetRule();
        add(privateSubnet, "private network", spec(), PASS, "nothing on the internet can reach it; its way out is the NAT gateway");
        add(privateSubnet, "isolated network", base().network(ISOLATED).build(), PASS, "no route to the internet at all");
        add(privateSubnet, "existing subnet, no public ip", base().subnetId(SUBNET).build(), PASS, "cannot be reached");
        add(privateSubnet, "network public: default VPC with public ip", base().network(PUBLIC).build(), WARN, "default VPC subnets");
        add(privateSubnet, "public subnet with public ip", base().subnetId(SUBNET).associatePublicIp(true).build(),
                facts().subnetIsPublic(true).build(), WARN, "internet gateway");
        add(privateSubnet, "private subnet with public ip", base().subnetId(SUBNET).associatePublicIp(true).build(),
                facts().subnetIsPublic(false).build(), PASS, "no route");
        add(privateSubnet, "unknown subnet with public ip", base().subnetId(SUBNET).associatePublicIp(true).build(),
                WARN, "Could not check");

        Rule reach = new ReachesAwsServicesRule();
        add(reach, "private network", spec(), PASS, "sends 0.0.0.0/0 to a NAT gateway");
        add(reach, "private network, default VPC facts ignored", spec(), facts().subnetIsPublic(true).subnetIsDefaultVpc(true)
                .subnetHasNatOrEndpoints(false).build(), PASS, "S3 gateway endpoint on the private route table");
        add(reach, "isolated network", base().network(ISOLATED).build(), PASS,
                "interface endpoints for ssm, ssmmessages, ec2messages, monitoring, logs (private DNS on) and the S3 gateway endpoint");
        add(reach, "a default VPC subnet without public ip: the trap", base().subnetId(SUBNET).build(),
                facts().subnetIsDefaultVpc(true).build(), WARN, "needs a route to SSM: a NAT gateway or VPC endpoints");
        add(reach, "public subnet with ssh, no public ip", ssh("203.0.113.7/32").toBuilder().subnetId(SUBNET).build(),
                facts().subnetIsPublic(true).build(), WARN, "only from inside the VPC");
        add(reach, "public subnet named by facts", base().subnetId(SUBNET).build(),
                facts().subnetIsPublic(true).subnetIsDefaultVpc(false).build(), WARN, "needs a route to SSM");
        add(reach, "network public: default VPC with public ip", base().network(PUBLIC).build(), PASS, "internet gateway");
        add(reach, "private subnet with NAT", base().subnetId(SUBNET).build(),
                facts().subnetIsPublic(false).subnetHasNatOrEndpoints(true).build(), PASS, "NAT gateway or VPC endpoints");
        add(reach, "public subnet with endpoints", base().subnetId(SUBNET).build(),
                facts().subnetIsPublic(true).subnetHasNatOrEndpoints(true).build(), PASS, "VPC endpoints");
        add(reach, "private subnet without a way out", base().subnetId(SUBNET).build(),
                facts().subnetIsPublic(false).subnetHasNatOrEndpoints(false).build(), WARN, "neither");
        add(reach, "private subnet, NAT unknown", base().subnetId(SUBNET).build(),
                facts().subnetIsPublic(false).build(), WARN, "Could not check");
        add(reach, "unknown subnet", base().subnetId(SUBNET).build(), WARN, "Could not check");

        Rule downloads = new InternetDownloadsRule();
        add(downloads, "private network", spec(), PASS, "Outbound through the NAT gateway: pip, conda, git and model downloads work");
        add(downloads, "isolated network", base().network(ISOLATED).dataPrefix("train/").build(), WARN,
                "pip install, conda, apt, git clone and model downloads (the Hugging Face Hub) will not work. Stage them in S3 "
                        + "beforehand, in s3://my-datasets/train/");
        add(downloads, "network public", base().network(PUBLIC).build(), PASS, "internet gateway with the instance's public IP");
        add(downloads, "subnet with a NAT route", base().subnetId(SUBNET).build(),
                facts().subnetIsPublic(false).subnetRoutesToNat(true).build(), PASS, "routes to a NAT gateway");
        add(downloads, "subnet with endpoints only", base().subnetId(SUBNET).build(),
                facts().subnetIsPublic(false).subnetHasNatOrEndpoints(true).subnetRoutesToNat(false).build(), WARN, "no way to the internet");
        add(downloads, "public subnet without a public ip", base().subnetId(SUBNET).build(),
                facts().subnetIsPublic(true).subnetRoutesToNat(false).build(), WARN, "no public IP for its internet gateway");
        add(downloads, "unknown subnet", base().subnetId(SUBNET).build(), WARN, "Could not check");

        Rule ssm = new SsmManagedRule();
        add(ssm, "ssm", spec(), PASS, "AmazonSSMManagedInstanceCore");
        add(ssm, "ssh", ssh("203.0.113.7/32").toBuilder().network(PUBLIC).build(), WARN, "cannot manage");
        add(ssm, "ssh into a private network", ssh("203.0.113.7/32"), WARN,
                "in Hangar's private network the instance has no public IP, so SSH reaches it only from inside the VPC");

        Rule leastPrivilege = new LeastPrivilegeDataAccessRule();
        add(leastPrivilege, "read-only bucket", spec(), PASS, "read-only on s3://my-datasets/ only");
        add(leastPrivilege, "read-write under a prefix", base().bucketAccess(BucketAccess.READ_WRITE).dataPrefix("ckpt/").build(),
                PASS, "read-write on s3://my-datasets/ckpt/");
        add(leastPrivilege, "read-write on the whole bucket", base().bucketAccess(BucketAccess.READ_WRITE).build(),
                WARN, "write and delete every object");
        add(leastPrivilege, "prefix without a slash", base().dataPrefix("train").build(), WARN, "siblings");
        add(new LeastPrivilegeDataAccessRule(s -> policy("\"Action\": \"s3:GetObject\", \"Resource\": \"*\"")),
                "Resource *", spec(), FAIL, "every resource (Data)");
        add(new LeastPrivilegeDataAccessRule(s -> policy("\"Action\": [\"s3:*\"], \"Resource\": [\"arn:aws:s3:::b/*\"]")),
                "Action s3:*", spec(), FAIL, "every action");
        add(new LeastPrivilegeDataAccessRule(s -> policy("\"Action\": \"*\", \"Resource\": [\"arn:aws:s3:::b\", \"*\"]")),
                "Action * and a * among resources", spec(), FAIL, "every resource (Data); every action (Data)");
        add(new LeastPrivilegeDataAccessRule(s -> policy("\"Action\": \"s3:GetObject\", \"NotResource\": \"arn:aws:s3:::b\"")),
                "NotResource", spec(), FAIL, "every resource");
        add(new LeastPrivilegeDataAccessRule(s -> "{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"}]}"),
                "a Deny on * is fine", spec(), PASS, "only");
        add(new LeastPrivilegeDataAccessRule(s -> "{not json"), "unreadable policy", spec(), WARN, "Could not check");

        Rule secrets = new NoSecretsInUserDataRule();
        add(secrets, "Hangar's user data", spec(), PASS, "CloudWatch agent");
        add(script("#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"), "access key id", spec(), FAIL, "Line 2");
        add(script("#!/bin/bash\nexport KEY=ASIAIOSFODNN7EXAMPLE\n"), "session key id", spec(), FAIL, "access key ID");
        add(script("#!/bin/bash\n\n\naws configure set aws_secret_access_key abc\n"), "secret key setting", spec(), FAIL, "Line 4");
        add(script("cat > k <<EOF\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n"), "openssh private key", spec(), FAIL, "a private key");
        add(script("-----BEGIN RSA PRIVATE KEY-----\n"), "rsa private key", spec(), FAIL, "a private key");
        add(script("echo AKIA is a prefix; echo AKIAshort\n"), "no full key id", spec(), PASS, "holds no");

        Rule notPublic = new BucketNotPublicRule();
        add(notPublic, "private", spec(), facts().bucketIsPublic(false).build(), PASS, "lets the public in");
        add(notPublic, "public", spec(), facts().bucketIsPublic(true).build(), FAIL, "is public");
        add(notPublic, "unknown", spec(), WARN, "Could not check");

        Rule publicAccess = new BucketPublicAccessRule();
        add(publicAccess, "blocked", spec(), facts().bucketBlocksPublicAccess(true).build(), PASS, "blocks public access");
        add(publicAccess, "not blocked", spec(), facts().bucketBlocksPublicAccess(false).build(), WARN, "does not block");
        add(publicAccess, "unknown", spec(), WARN, "Could not check");

        Rule tls = new BucketRequiresTlsRule();
        add(tls, "required", spec(), facts().bucketRequiresTls(true).build(), PASS, "denies requests without TLS");
        add(tls, "not required", spec(), facts().bucketRequiresTls(false).build(), WARN, "does not deny");
        add(tls, "unknown", spec(), WARN, "Could not check");

        Rule sse = new BucketDefaultEncryptionRule();
        add(sse, "set", spec(), facts().bucketHasDefaultEncryption(true).build(), PASS, "has default encryption");
        add(sse, "not set", spec(), facts().bucketHasDefaultEncryption(false).build(), WARN, "since January 2023");
        add(sse, "unknown", spec(), WARN, "SSE-S3");

        Rule ami = new AmiAgeRule(CLOCK);
        add(ami, "10 days", spec(), facts().amiCreationDate(NOW.minusSeconds(86400L * 10)).amiName("DLAMI 74").build(), PASS,
                "DLAMI 74 (ami-0123456789abcdef0) was created 10 days ago");
        add(ami, "exactly 90 days", spec(), facts().amiCreationDate(NOW.minusSeconds(86400L * 90)).build(), PASS, "90 days");
        add(ami, "91 days", spec(), facts().amiCreationDate(NOW.minusSeconds(86400L * 91)).build(), WARN, "91 days ago");
        add(ami, "two years", spec(), facts().amiCreationDate(NOW.minusSeconds(86400L * 730)).build(), WARN, "(2024-11-26)");
        add(ami, "dated after now (clock skew)", spec(), facts().amiCreationDate(NOW.plusSeconds(3600)).build(), PASS, "0 days");
        add(ami, "unknown", spec(), WARN, "Could not check");

        // Per accelerator family: the image that fits passes, another vendor's or none fails, no hint warns.
        Rule accel = new ImageFitsAcceleratorRule();
        String nvidia = "Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.5.1 (Ubuntu 22.04) 20250105";
        String neuron = "Deep Learning AMI Neuron (Ubuntu 22.04) 20241221";
        String habana = "Deep Learning AMI Habana PyTorch 2.4.0 SynapseAI 1.18.0 (Ubuntu 22.04) 20241115";
        String rocm = "rocm-6.2-pytorch-ubuntu-22.04-20241010";
        String plain = "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20250112";
        add(accel, "nvidia: g5 with an NVIDIA DLAMI", spec(), facts().amiName(nvidia).build(), PASS,
                "carries the NVIDIA driver and CUDA for g5.xlarge's NVIDIA GPU");
        add(accel, "nvidia: g5 with a Neuron DLAMI", spec(), facts().amiName(neuron).build(), FAIL,
                "carries the AWS Neuron driver and SDK (for Trainium and Inferentia), but g5.xlarge's NVIDIA GPU needs the NVIDIA driver");
        add(accel, "nvidia: g5 with plain Ubuntu", spec(), facts().amiName(plain).build(), FAIL, "has no accelerator driver");
        add(accel, "nvidia: p5 with a custom image", base().instanceType("p5.48xlarge").build(),
                facts().amiName("team-llm-base-2024-11").build(), WARN, "make sure it has the NVIDIA driver and CUDA");
        add(accel, "habana: dl1 with an NVIDIA DLAMI (the focus slip)", base().instanceType("dl1.24xlarge").build(),
                facts().amiName(nvidia).accelerator(Accelerator.HABANA).acceleratorDevices("8 × Habana Gaudi HL-205").build(), FAIL,
                "dl1.24xlarge's Habana Gaudi accelerator (8 × Habana Gaudi HL-205) needs the Habana SynapseAI driver");
        add(accel, "habana: dl1 with the Habana DLAMI", base().instanceType("dl1.24xlarge").build(), facts().amiName(habana).build(),
                PASS, "carries the Habana SynapseAI driver");
        add(accel, "habana: dl1 with a custom image", base().instanceType("dl1.24xlarge").build(),
                facts().amiName("my-image").amiDescription("built by ana").build(), WARN, "make sure it has the Habana SynapseAI driver");
        add(accel, "neuron: trn1 with the Neuron DLAMI", base().instanceType("trn1.32xlarge").build(), facts().amiName(neuron).build(),
                PASS, "AWS Neuron driver");
        add(accel, "neuron: inf2 with an NVIDIA DLAMI", base().instanceType("inf2.xlarge").build(), facts().amiName(nvidia).build(),
                FAIL, "inf2.xlarge's AWS Neuron accelerator needs the AWS Neuron driver and SDK");
        add(accel, "neuron: trn2 with a custom image", base().instanceType("trn2.48xlarge").build(), facts().amiName("ckpt-image").build(),
                WARN, "Could not tell");
        add(accel, "amd: g4ad with a ROCm image", base().instanceType("g4ad.xlarge").build(), facts().amiName(rocm).build(), PASS,
                "AMD's ROCm driver");
        add(accel, "amd: g4ad with an NVIDIA DLAMI", base().instanceType("g4ad.xlarge").build(), facts().amiName(nvidia).build(), FAIL,
                "g4ad.xlarge's AMD Radeon GPU needs AMD's ROCm driver");
        add(accel, "amd: g4ad with a custom image", base().instanceType("g4ad.xlarge").build(), facts().amiName("golden-2024").build(),
                WARN, "make sure it has AMD's ROCm driver");
        add(accel, "none: a CPU type takes any image", base().instanceType("m7i.large").build(), facts().amiName(plain).build(), PASS,
                "no GPU or other accelerator");
        add(accel, "unknown image name (offline)", spec(), WARN, "Could not check: which driver image ami-0123456789abcdef0 carries");
        add(accel, "the fix offers a listed image that fits", base().instanceType("dl1.24xlarge").build(), facts().amiName(nvidia)
                .imageOptions(List.of(new ImageOption("ami-0aaaaaaaaaaaaaaa1", nvidia, null),
                        new ImageOption("ami-0bbbbbbbbbbbbbbb2", habana, null))).build(), FAIL, "needs the Habana SynapseAI driver");

        add(new DetailedMonitoringRule(), "always", spec(), PASS, "detailed monitoring");
        add(new EbsOptimizedRule(), "always", spec(), PASS, "EbsOptimized=true");

        Rule idle = new IdleStopRule();
        add(idle, "60 minutes", spec(), PASS, "60 minutes");
        add(idle, "off", base().idleStopMinutes(0).build(), WARN, "off");

        Rule volume = new DataVolumeKeptRule();
        add(volume, "kept", spec(), PASS, "kept");
        add(volume, "deleted with the instance", base().deleteDataVolumeOnTermination(true).build(), WARN, "deletes the data volume");

        Rule tenancy = new TenancyRule();
        add(tenancy, "default", spec(), PASS, "hypervisor");
        add(tenancy, "dedicated, price unknown", base().tenancy(Tenancy.DEDICATED).build(), PASS,
                "about +10 % per hour plus $2 per region-hour while any dedicated instance runs");
        add(tenancy, "dedicated, price known", base().tenancy(Tenancy.DEDICATED).build(),
                facts().onDemandPricePerHour(1.006).build(), PASS, "about $1.11/h instead of $1.01/h, plus the $2.00/h region fee: about $3.11/h");
    }

    private static String policy(String allow) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"Data\", \"Effect\": \"Allow\", " + allow + "}]}";
    }

    private static Rule script(String text) {
        Supplier<String> s = () -> text;
        return new NoSecretsInUserDataRule(s);
    }

    static Stream<Case> cases() {
        return CASES.stream();
    }

    static Stream<Case> oneClickFixes() {
        return CASES.stream().filter(c -> c.expected() != PASS && c.rule().evaluate(Blueprint.draft(c.spec()), c.facts()).hasOneClickFix());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void statusDetailAndControls(Case c) {
        Finding f = c.rule().evaluate(Blueprint.draft(c.spec()), c.facts());

        assertThat(f.status()).isEqualTo(c.expected());
        assertThat(f.detail()).contains(c.detailHas());
        assertThat(f.ruleId()).isEqualTo(c.rule().id());
        assertThat(f.controls()).containsExactlyElementsOf(CONTROLS.get(c.rule().id()));
        assertThat(f.severity()).isEqualTo(c.rule().severity());
        assertThat(f.title()).isNotBlank();
        assertThat(f.why()).isNotBlank();
        if (c.expected() == PASS) {
            assertThat(f.fix()).isNull();
        } else if (!c.name().equals("unreadable policy")) {
            assertThat(f.fix()).isNotNull();
            assertThat(f.fix().description()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneClickFixes")
    void aOneClickFixChangesTheSpecSoTheRulePasses(Case c) {
        Fix fix = c.rule().evaluate(Blueprint.draft(c.spec()), c.facts()).fix();

        LaunchSpec fixed = fix.applyTo(c.spec());

        assertThat(fixed).isNotEqualTo(c.spec());
        assertThat(c.rule().evaluate(Blueprint.draft(fixed), c.facts()).status()).isEqualTo(PASS);
        assertThat(new SpecValidator().validate(fixed)).isEmpty();
    }

    @Test
    void theseFindingsOfferOneClickFixes() {
        Set<String> fixable = oneClickFixes().map(Case::toString).collect(Collectors.toSet());
        assertThat(fixable).contains(
                "no-admin-ports-from-anywhere: ipv4 world", "no-admin-ports-from-anywhere: broad /16",
                "no-high-risk-ports-open: ipv6 world", "only-authorized-ports-unrestricted: ipv4 world",
                "restricted-egress: all", "no-public-ip: private subnet", "no-public-ip: unknown subnet",
                "no-public-ip: network public: the fix is Hangar's private network",
                "no-public-ip: network public with ssh: Session Manager too",
                "private-subnet: network public: default VPC with public ip",
                "instance-can-reach-aws: a default VPC subnet without public ip: the trap",
                "instance-can-reach-aws: private subnet without a way out", "internet-downloads: isolated network",
                "internet-downloads: subnet with endpoints only", "managed-by-ssm: ssh",
                "least-privilege-data-access: read-write on the whole bucket",
                "least-privilege-data-access: prefix without a slash", "idle-stop-on: off",
                "data-volume-kept: deleted with the instance",
                "image-fits-accelerator: the fix offers a listed image that fits");
        assertThat(fixable).doesNotContain("no-public-ip: public subnet named: manual fix only");
        LaunchSpec sshPublic = ssh("203.0.113.7/32").toBuilder().network(PUBLIC).build();
        LaunchSpec fixed = new NoPublicIpRule().evaluate(Blueprint.draft(sshPublic), unknown()).fix().applyTo(sshPublic);
        assertThat(fixed.access()).as("SSH without a public IP is out of reach: Session Manager instead").isEqualTo(dev.hangar.spec.Access.SSM);
        assertThat(fixed.network()).isEqualTo(dev.hangar.spec.NetworkMode.PRIVATE);
    }

    @Test
    void withoutAListOfImagesTheFixNamesTheImageFamilyAndTheOtherWayOut() {
        LaunchSpec dl1 = base().instanceType("dl1.24xlarge").build();
        Finding f = new ImageFitsAcceleratorRule().evaluate(Blueprint.draft(dl1),
                facts().amiName("Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.5.1 (Ubuntu 22.04) 20250105").build());
        assertThat(f.fix().isOneClick()).isFalse();
        assertThat(f.fix().description()).contains("the AWS Deep Learning AMI for Habana Gaudi",
                "Or keep the image and pick an instance type with NVIDIA GPUs");
    }

    @Test
    void theFixNamesTheListedImagesThatFitNewestFirstAndPicksTheFirst() {
        LaunchSpec trn = base().instanceType("trn1.32xlarge").amiId("ami-0aaaaaaaaaaaaaaa1").build();
        List<ImageOption> listed = List.of(
                new ImageOption("ami-0aaaaaaaaaaaaaaa1", "Deep Learning Base OSS Nvidia Driver GPU AMI (Ubuntu 22.04) 20241201", null),
                new ImageOption("ami-0bbbbbbbbbbbbbbb2", "Deep Learning AMI Neuron (Ubuntu 22.04) 20241221", null),
                new ImageOption("ami-0ccccccccccccccc3", "my-trainer", "Neuron SDK 2.21 on Amazon Linux 2023"));
        Finding f = new ImageFitsAcceleratorRule().evaluate(Blueprint.draft(trn), facts().imageOptions(listed).build());
        assertThat(f.status()).as("the listed entry names the chosen image when preflight did not").isEqualTo(FAIL);
        assertThat(f.fix().description()).startsWith("Use Deep Learning AMI Neuron (Ubuntu 22.04) 20241221 (ami-0bbbbbbbbbbbbbbb2)")
                .contains("These fit too: my-trainer (ami-0ccccccccccccccc3)");
        assertThat(f.fix().applyTo(trn).amiId()).isEqualTo("ami-0bbbbbbbbbbbbbbb2");
    }

    @Test
    void manualFixesCannotBeApplied() {
        Finding f = new BucketPublicAccessRule().evaluate(Blueprint.draft(spec()), unknown());
        assertThat(f.fix().isOneClick()).isFalse();
        assertThat(f.fix().description()).contains("put-public-access-block --bucket my-datasets");
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> f.fix().applyTo(spec()));
    }

    @Test
    void aSecretIsReportedByLineButNeverShown() {
        Finding f = new NoSecretsInUserDataRule(() -> "x\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n").evaluate(Blueprint.draft(spec()), unknown());
        assertThat(f.detail()).doesNotContain("AKIAIOSFODNN7EXAMPLE").doesNotContain("IOSFODNN");
    }

    @Test
    void everyRuleIsCoveredPassingAndOtherwise() {
        List<Rule> rules = Checklist.rules(CLOCK);
        assertThat(CONTROLS.keySet()).containsExactlyInAnyOrderElementsOf(rules.stream().map(Rule::id).toList());
        for (Rule rule : rules) {
            Set<Status> seen = CASES.stream().filter(c -> c.rule().id().equals(rule.id())).map(Case::expected).collect(Collectors.toSet());
            assertThat(seen).as(rule.id()).contains(PASS);
            if (!ALWAYS_PASS.contains(rule.id())) {
                assertThat(seen).as(rule.id()).containsAnyOf(WARN, FAIL);
            }
        }
    }

    @Test
    void rulesThatPassByConstructionPassForEveryCaseSpec() {
        for (Rule rule : Checklist.rules(CLOCK)) {
            if (ALWAYS_PASS.contains(rule.id())) {
                CASES.forEach(c -> assertThat(rule.evaluate(Blueprint.draft(c.spec()), c.facts()).status()).as(rule.id() + " on " + c).isEqualTo(PASS));
            }
        }
    }
}
