package dev.hangar.monitor;

import dev.hangar.blueprint.Blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.checklist.EncryptedVolumesRule;
import dev.hangar.checklist.Finding;
import dev.hangar.checklist.Status;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Volume;

/** The drift rules on instances as EC2 describes them, without AWS. */
class DriftAuditTest {

    private static final String LAUNCH = "llama-abc123";
    private static final LaunchSpec SPEC = MonitorFixture.spec().build();

    /** What Hangar launches: IMDSv2 with hop limit 1, detailed monitoring, its own profile, its own group, no public IP. */
    private static Instance launched(UnaryOperator<Instance.Builder> change) {
        Instance.Builder b = Instance.builder().instanceId("i-1").privateIpAddress("10.0.0.5")
                .metadataOptions(m -> m.httpTokens("required").httpPutResponseHopLimit(1).httpEndpoint("enabled"))
                .monitoring(m -> m.state("enabled"))
                .iamInstanceProfile(p -> p.arn("arn:aws:iam::123456789012:instance-profile/hangar-" + LAUNCH))
                .networkInterfaces(n -> n.groups(g -> g.groupId("sg-1").groupName("hangar-" + LAUNCH)));
        return change.apply(b).build();
    }

    private static SecurityGroup group(IpPermission... ingress) {
        return SecurityGroup.builder().groupId("sg-1").groupName("hangar-" + LAUNCH).ipPermissions(ingress).build();
    }

    private static List<Finding> audit(LaunchSpec spec, Instance i, SecurityGroup g, Volume... volumes) {
        return DriftAudit.audit("us-east-1", LAUNCH, spec == null ? null : Blueprint.launched(spec, LAUNCH, null), i, Map.of(g.groupId(), g), List.of(volumes));
    }

    private static final Volume ENCRYPTED = Volume.builder().volumeId("vol-1").encrypted(true).build();

    @Test
    void whatHangarLaunchedHasNoDrift() {
        assertThat(audit(SPEC, launched(b -> b), group(), ENCRYPTED)).isEmpty();
    }

    @Test
    void aHopLimitAboveOneIsImdsDrift() {
        List<Finding> drift = audit(SPEC, launched(b -> b.metadataOptions(m -> m.httpTokens("required").httpPutResponseHopLimit(2))), group());
        assertThat(drift).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("imdsv2-required");
            assertThat(f.detail()).contains("hop limit is 2");
            assertThat(f.title()).isEqualTo("Instance metadata answers beyond one hop now");
            assertThat(f.check()).isEqualTo(new dev.hangar.checklist.ImdsV2Rule().check());
        });
    }

    @Test
    void worldOpenIngressIsClassedByTheMostSpecificRule() {
        IpPermission rdpV6 = IpPermission.builder().ipProtocol("tcp").fromPort(3389).toPort(3389).ipv6Ranges(r -> r.cidrIpv6("::/0")).build();
        IpPermission mysql = IpPermission.builder().ipProtocol("tcp").fromPort(3306).toPort(3306).ipRanges(r -> r.cidrIp("0.0.0.0/0")).build();
        IpPermission custom = IpPermission.builder().ipProtocol("tcp").fromPort(7000).toPort(7100).ipRanges(r -> r.cidrIp("0.0.0.0/0")).build();
        IpPermission https = IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(r -> r.cidrIp("0.0.0.0/0")).build();
        IpPermission ping = IpPermission.builder().ipProtocol("icmp").fromPort(8).toPort(-1).ipRanges(r -> r.cidrIp("0.0.0.0/0")).build();
        IpPermission office = IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(r -> r.cidrIp("203.0.113.0/24")).build();

        List<Finding> drift = audit(SPEC, launched(b -> b), group(rdpV6, mysql, custom, https, ping, office));

        assertThat(drift).extracting(Finding::ruleId, Finding::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("no-admin-ports-from-anywhere", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("no-high-risk-ports-open", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("only-authorized-ports-unrestricted", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("only-authorized-ports-unrestricted", Status.WARN),
                org.assertj.core.groups.Tuple.tuple("only-authorized-ports-unrestricted", Status.FAIL));
        assertThat(drift.get(0).controls()).contains("EC2.53", "EC2.54");
        assertThat(drift.get(0).fix().description()).contains("\"Ipv6Ranges\":[{\"CidrIpv6\":\"::/0\"}]");
        assertThat(drift.get(1).controls()).containsExactly("EC2.19");
        assertThat(drift.get(4).detail()).contains("icmp");
        assertThat(drift).extracting(Finding::title).containsExactly("TCP port 3389 is open to everyone (::/0)",
                "TCP port 3306 is open to everyone (0.0.0.0/0)", "TCP ports 7000-7100 are open to everyone (0.0.0.0/0)",
                "TCP port 443 is open to everyone (0.0.0.0/0)", "ICMP is open to everyone (0.0.0.0/0)");
    }

    @Test
    void allTrafficFromAnywhereOpensTheAdminPorts() {
        IpPermission all = IpPermission.builder().ipProtocol("-1").ipRanges(r -> r.cidrIp("0.0.0.0/0")).build();
        assertThat(audit(SPEC, launched(b -> b), group(all))).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("all traffic"))
                .satisfies(f -> assertThat(f.title()).isEqualTo("All traffic is open to everyone (0.0.0.0/0)"))
                .extracting(Finding::ruleId).isEqualTo("no-admin-ports-from-anywhere");
    }

    @Test
    void sshFromAnywhereIsNotDriftWhenTheSpecAskedForIt() {
        LaunchSpec open = SPEC.toBuilder().access(Access.SSH).sshCidr("0.0.0.0/0").allowSshFromAnywhere(true).keyPair("lab").build();
        IpPermission ssh = IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(r -> r.cidrIp("0.0.0.0/0")).build();
        assertThat(audit(open, launched(b -> b), group(ssh))).isEmpty();
        assertThat(audit(SPEC, launched(b -> b), group(ssh))).hasSize(1);
    }

    @Test
    void anUnencryptedVolumeAPublicIpNoMonitoringAndAnotherProfileAreEachDrift() {
        Instance changed = launched(b -> b.publicIpAddress("198.51.100.7").monitoring(m -> m.state("disabled"))
                .iamInstanceProfile(p -> p.arn("arn:aws:iam::123456789012:instance-profile/admin")));
        Volume plain = Volume.builder().volumeId("vol-2").encrypted(false).build();

        List<Finding> drift = audit(SPEC, changed, group(), ENCRYPTED, plain);

        assertThat(drift).extracting(Finding::ruleId).containsExactly("ebs-volumes-encrypted", "no-public-ip", "detailed-monitoring",
                "least-privilege-data-access");
        assertThat(drift.get(0).controls()).isEqualTo(new EncryptedVolumesRule().controls());
        assertThat(drift.get(0).detail()).contains("vol-2");
        assertThat(drift.get(1).controls()).contains("EC2.9", "CKV_AWS_88");
        assertThat(drift.get(1).status()).isEqualTo(Status.WARN);
        assertThat(drift.get(2).controls()).containsExactly("CKV_AWS_126");
        assertThat(drift.get(3).detail()).contains("instance-profile/admin").contains("hangar-" + LAUNCH);
        assertThat(drift).extracting(Finding::title).containsExactly("Unencrypted volume vol-2 is attached",
                "The instance has a public IP now (198.51.100.7)", "Detailed monitoring is not on now",
                "The instance has another instance profile now");
    }

    @Test
    void aPublicIpTheSpecAskedForIsNotDrift() {
        assertThat(audit(SPEC.toBuilder().associatePublicIp(true).build(), launched(b -> b.publicIpAddress("198.51.100.7")), group())).isEmpty();
    }

    @Test
    void withoutASpecOnlyTheSpecFreeRulesRun() {
        assertThat(audit(null, launched(b -> b.publicIpAddress("198.51.100.7")), group())).isEmpty();
        assertThat(audit(null, launched(b -> b.iamInstanceProfile((software.amazon.awssdk.services.ec2.model.IamInstanceProfile) null)), group()))
                .extracting(Finding::ruleId).containsExactly("least-privilege-data-access");
    }
}
