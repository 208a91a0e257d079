package dev.hangar.monitor;

import dev.hangar.checklist.DetailedMonitoringRule;
import dev.hangar.checklist.EncryptedVolumesRule;
import dev.hangar.checklist.Finding;
import dev.hangar.checklist.Fix;
import dev.hangar.checklist.HighRiskPortsRule;
import dev.hangar.checklist.ImdsV2Rule;
import dev.hangar.checklist.LeastPrivilegeDataAccessRule;
import dev.hangar.checklist.NoAdminPortsFromAnywhereRule;
import dev.hangar.checklist.NoPublicIpRule;
import dev.hangar.checklist.Rule;
import dev.hangar.checklist.Status;
import dev.hangar.checklist.UnrestrictedPortsRule;
import dev.hangar.blueprint.LaunchNames;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.InstanceModel;
import dev.hangar.blueprint.SecurityGroupModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.MonitoringState;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * Re-reads what a running instance's launch guaranteed and reports what changed since, as checklist
 * findings of the rule that guaranteed it (its ID and control IDs; status FAIL or WARN, a manual fix).
 * Pure: the facts come from one batch of Describe calls per region.
 */
final class DriftAudit {

    private static final Rule IMDS = new ImdsV2Rule();
    private static final Rule ADMIN_PORTS = new NoAdminPortsFromAnywhereRule();
    private static final Rule HIGH_RISK_PORTS = new HighRiskPortsRule();
    private static final Rule UNRESTRICTED_PORTS = new UnrestrictedPortsRule();
    private static final Rule ENCRYPTED = new EncryptedVolumesRule();
    private static final Rule PUBLIC_IP = new NoPublicIpRule();
    private static final Rule MONITORING = new DetailedMonitoringRule();
    private static final Rule ROLE = new LeastPrivilegeDataAccessRule();

    /** SSH and RDP: what {@link NoAdminPortsFromAnywhereRule} guards. */
    private static final List<Integer> ADMIN_PORTS_LIST = List.of(22, 3389);
    /** Security Hub EC2.19's list of high-risk ports. */
    private static final List<Integer> HIGH_RISK = List.of(20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389,
            4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300);
    private static final Set<String> WORLD = Set.of("0.0.0.0/0", "::/0");

    private static final ObjectMapper JSON = new ObjectMapper();

    private DriftAudit() {
    }

    /**
     * @param launchId the instance's launch (journal or {@code hangar:launch-id} tag)
     * @param expected what the launch created; null for an instance not in the journal (then what every launch guarantees)
     * @param groups   the region's security groups by ID (at least the instance's)
     * @param volumes  the volumes attached to the instance
     */
    static List<Finding> audit(String region, String launchId, Blueprint expected, Instance instance, Map<String, SecurityGroup> groups,
            Collection<Volume> volumes) {
        String id = instance.instanceId();
        // An instance not in this journal was still launched by Hangar, with the guarantees of every launch.
        InstanceModel want = expected == null ? null : expected.instance();
        String tokens = want == null ? InstanceModel.HTTP_TOKENS : want.httpTokens();
        int hopLimit = want == null ? InstanceModel.HOP_LIMIT : want.httpPutResponseHopLimit();
        List<SecurityGroupModel.Rule> allowedIngress = expected != null ? expected.securityGroup().ingress() : List.of();
        String profile = expected != null ? expected.iam().instanceProfileName() : new LaunchNames(launchId).instanceProfileName();
        List<Finding> drift = new ArrayList<>();
        var metadata = instance.metadataOptions();
        if (metadata != null) {
            List<String> wrong = new ArrayList<>();
            if (!tokens.equals(metadata.httpTokensAsString())) {
                wrong.add("HttpTokens is " + metadata.httpTokensAsString() + " (IMDSv1 answers without a token)");
            }
            if (metadata.httpPutResponseHopLimit() != null && metadata.httpPutResponseHopLimit() > hopLimit) {
                wrong.add("the hop limit is " + metadata.httpPutResponseHopLimit() + " (containers can reach the credentials)");
            }
            if (!wrong.isEmpty()) {
                String answers = tokens.equals(metadata.httpTokensAsString()) ? "beyond one hop" : "without a token";
                drift.add(finding(IMDS, Status.FAIL, "Instance metadata answers " + answers + " now",
                        "Instance " + id + ": " + String.join("; ", wrong) + ". Hangar launched it with "
                                + "HttpTokens=" + tokens + " and hop limit " + hopLimit + ".",
                        "aws ec2 modify-instance-metadata-options --instance-id " + id + " --http-tokens " + tokens
                        + " --http-put-response-hop-limit " + hopLimit + " --region " + region));
            }
        }
        for (String groupId : groupIds(instance)) {
            SecurityGroup group = groups.get(groupId);
            if (group != null) {
                group.ipPermissions().forEach(p -> worldOpen(p).forEach(cidr -> {
                    if (!allowed(allowedIngress, p, cidr)) {
                        drift.add(openToWorld(region, group, p, cidr));
                    }
                }));
            }
        }
        for (Volume v : volumes) {
            if (!Boolean.TRUE.equals(v.encrypted())) {
                drift.add(finding(ENCRYPTED, Status.FAIL, "Unencrypted volume " + v.volumeId() + " is attached",
                        "Volume " + v.volumeId() + " attached to " + id + " is not encrypted; Hangar attaches only encrypted volumes.",
                        "Detach " + v.volumeId() + "; to keep its data, snapshot it, copy the "
                        + "snapshot with encryption on (aws ec2 copy-snapshot --encrypted) and attach a volume made from the copy."));
            }
        }
        if (want != null && !want.associatePublicIp() && instance.publicIpAddress() != null) {
            drift.add(finding(PUBLIC_IP, Status.WARN, "The instance has a public IP now (" + instance.publicIpAddress() + ")",
                    "Instance " + id + " has the public IP " + instance.publicIpAddress() + " though the spec asked for none.",
                    "Remove the address (disassociate the Elastic IP, or launch again: "
                    + "an auto-assigned public IP cannot be removed from a running instance)."));
        }
        MonitoringState monitoring = instance.monitoring() == null ? null : instance.monitoring().state();
        if ((want == null || want.monitoring()) && monitoring != MonitoringState.ENABLED && monitoring != MonitoringState.PENDING) {
            drift.add(finding(MONITORING, Status.WARN, "Detailed monitoring is not on now", "Detailed monitoring of " + id + " is "
                    + (monitoring == null ? "unknown" : instance.monitoring().stateAsString()) + "; the idle-stop alarm needs 1-minute data.",
                    "aws ec2 monitor-instances --instance-ids " + id + " --region " + region));
        }
        String arn = instance.iamInstanceProfile() == null ? null : instance.iamInstanceProfile().arn();
        if (arn == null || !arn.endsWith("/" + profile)) {
            drift.add(finding(ROLE, Status.FAIL, arn == null ? "The instance has no instance profile now"
                    : "The instance has another instance profile now", arn == null
                    ? "Instance " + id + " has no instance profile any more; Hangar gave it " + profile + "."
                    : "Instance " + id + " now has the instance profile " + arn + " instead of " + profile
                            + ": its role's permissions are not the scoped ones Hangar reviewed.",
                    "Associate instance profile " + profile + " again (aws ec2 replace-iam-instance-profile-association, or "
                            + "associate-iam-instance-profile when there is none)."));
        }
        return drift;
    }

    /** The instance's groups; an instance launched with a network interface lists them there (moto does only there). */
    static Set<String> groupIds(Instance instance) {
        Set<String> ids = new LinkedHashSet<>();
        instance.securityGroups().forEach(g -> ids.add(g.groupId()));
        for (InstanceNetworkInterface ni : instance.networkInterfaces()) {
            ni.groups().forEach(g -> ids.add(g.groupId()));
        }
        return ids;
    }

    private static List<String> worldOpen(IpPermission p) {
        return Stream.concat(p.ipRanges().stream().map(r -> r.cidrIp()), p.ipv6Ranges().stream().map(r -> r.cidrIpv6()))
                .filter(WORLD::contains).toList();
    }

    /** Whether the blueprint itself opened this world-open rule (SSH from 0.0.0.0/0 or ::/0 with allowSshFromAnywhere). */
    private static boolean allowed(List<SecurityGroupModel.Rule> ingress, IpPermission p, String cidr) {
        return ingress.stream().anyMatch(r -> r.cidr().equals(cidr) && r.protocol().equals(p.ipProtocol())
                && Integer.valueOf(r.fromPort()).equals(p.fromPort()) && Integer.valueOf(r.toPort()).equals(p.toPort()));
    }

    private static Finding openToWorld(String region, SecurityGroup group, IpPermission p, String cidr) {
        boolean all = "-1".equals(p.ipProtocol());
        String ports = all ? "all traffic" : p.ipProtocol() + " " + (p.fromPort() == null ? "all ports"
                : p.fromPort().equals(p.toPort()) ? "port " + p.fromPort() : "ports " + p.fromPort() + "-" + p.toPort());
        String title = openTitle(p, cidr);
        String detail = "Security group " + group.groupId() + " (" + group.groupName() + ") lets " + ports + " in from " + cidr
                + "; Hangar opened no such rule.";
        String revoke = "aws ec2 revoke-security-group-ingress --group-id " + group.groupId() + " --ip-permissions '" + permissionJson(p, cidr)
                + "' --region " + region;
        if (ADMIN_PORTS_LIST.stream().anyMatch(port -> covers(p, port))) {
            return finding(ADMIN_PORTS, Status.FAIL, title, detail, revoke);
        }
        if (HIGH_RISK.stream().anyMatch(port -> covers(p, port))) {
            return finding(HIGH_RISK_PORTS, Status.FAIL, title, detail, revoke);
        }
        boolean webOnly = "tcp".equals(p.ipProtocol()) && p.fromPort() != null && p.fromPort().equals(p.toPort())
                && (p.fromPort() == 80 || p.fromPort() == 443);
        return finding(UNRESTRICTED_PORTS, webOnly ? Status.WARN : Status.FAIL, title, detail, revoke);
    }

    /** What is open, for the finding's title: "TCP port 3389 is open to everyone (::/0)", "ICMP is open to everyone (0.0.0.0/0)". */
    private static String openTitle(IpPermission p, String cidr) {
        String protocol = p.ipProtocol().toUpperCase(java.util.Locale.ROOT);
        boolean ports = Set.of("TCP", "UDP", "6", "17").contains(protocol) && p.fromPort() != null && p.fromPort() != -1;
        String what = "-1".equals(protocol) ? "All traffic is"
                : !ports ? protocol + " is"
                : p.fromPort().equals(p.toPort()) ? protocol + " port " + p.fromPort() + " is"
                : protocol + " ports " + p.fromPort() + "-" + p.toPort() + " are";
        return what + " open to everyone (" + cidr + ")";
    }

    /** Whether the rule lets TCP or UDP traffic to the port in (ICMP rules carry types in the port fields). */
    private static boolean covers(IpPermission p, int port) {
        String protocol = p.ipProtocol();
        if ("-1".equals(protocol)) {
            return true;
        }
        return Set.of("tcp", "udp", "6", "17").contains(protocol) && p.fromPort() != null && p.toPort() != null && (p.fromPort() == -1 || p.fromPort() <= port && port <= p.toPort());
    }

    /** The rule as the AWS CLI's --ip-permissions takes it. */
    private static String permissionJson(IpPermission p, String cidr) {
        ObjectNode rule = JSON.createObjectNode().put("IpProtocol", p.ipProtocol());
        if (p.fromPort() != null) {
            rule.put("FromPort", p.fromPort()).put("ToPort", p.toPort());
        }
        if (cidr.contains(":")) {
            rule.putArray("Ipv6Ranges").addObject().put("CidrIpv6", cidr);
        } else {
            rule.putArray("IpRanges").addObject().put("CidrIp", cidr);
        }
        return JSON.createArrayNode().add(rule).toString();
    }

    /** @param title what changed since the launch, e.g. "Detailed monitoring is off now" */
    private static Finding finding(Rule rule, Status status, String title, String detail, String fix) {
        return new Finding(rule.id(), title, rule.check(), rule.why(), rule.severity(), status, detail, rule.controls(), Fix.manual(fix));
    }
}
