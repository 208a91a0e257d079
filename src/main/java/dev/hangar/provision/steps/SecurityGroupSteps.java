package dev.hangar.provision.steps;

import dev.hangar.blueprint.AwsErrors;
import static dev.hangar.provision.steps.StepIds.*;

import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.ResourceKind;
import dev.hangar.journal.ResourceRecord;
import dev.hangar.blueprint.SecurityGroupModel;
import dev.hangar.provision.Fact;
import dev.hangar.provision.LaunchContext;
import dev.hangar.provision.LaunchFacts;
import dev.hangar.spec.Egress;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/** The security group: no inbound rule at all with SSM; SSH only from the spec's CIDR; outbound as the spec's egress says. */
final class SecurityGroupSteps {

    private SecurityGroupSteps() {
    }

    static final class Create extends BaseStep {
        Create(String name, List<String> after) {
            super(CREATE_SECURITY_GROUP, "Create security group " + name, after);
        }

        @Override
        public String apply(LaunchContext ctx) {
            SecurityGroupModel group = ctx.blueprint().securityGroup();
            String name = group.name();
            String vpcId = ctx.facts().get(LaunchFacts.VPC_ID);
            ctx.journal().intend(ResourceKind.SECURITY_GROUP, name, id());
            String groupId;
            try {
                groupId = ctx.ec2().createSecurityGroup(r -> r.groupName(name).vpcId(vpcId).description(group.description())
                        .tagSpecifications(ctx.tags().ec2For(ResourceType.SECURITY_GROUP))).groupId();
            } catch (Ec2Exception e) {
                if (!"InvalidGroup.Duplicate".equals(e.awsErrorDetails().errorCode())) {
                    throw e;
                }
                // A retried call whose first attempt did succeed: the name is unique to this launch.
                groupId = ctx.ec2().describeSecurityGroups(r -> r.filters(InputChecks.filter("group-name", name), InputChecks.filter("vpc-id", vpcId)))
                        .securityGroups().get(0).groupId();
            }
            ctx.facts().put(LaunchFacts.SECURITY_GROUP_ID, groupId);
            ctx.journal().created(ResourceKind.SECURITY_GROUP, groupId, id(), name);
            return groupId;
        }

        @Override
        public List<Fact<?>> reads() {
            return List.of(LaunchFacts.VPC_ID);
        }

        @Override
        public List<Fact<?>> produces() {
            return List.of(LaunchFacts.SECURITY_GROUP_ID);
        }

        @Override
        public boolean restore(LaunchContext ctx, LaunchRecord record) {
            return record.resources().stream()
                    .filter(r -> r.type().equals(ResourceKind.SECURITY_GROUP) && r.step().equals(id())
                            && r.state().equals(ResourceRecord.CREATED) && r.id().startsWith("sg-"))
                    .reduce((a, b) -> b)
                    .map(r -> {
                        ctx.facts().put(LaunchFacts.SECURITY_GROUP_ID, r.id());
                        return true;
                    }).orElse(false);
        }
    }

    /** A step that changes the rules of the group {@link Create} made. */
    abstract static class RuleStep extends BaseStep {
        RuleStep(String id, String title) {
            super(id, title, List.of(CREATE_SECURITY_GROUP));
        }

        @Override
        public final List<Fact<?>> reads() {
            return List.of(LaunchFacts.SECURITY_GROUP_ID);
        }

        static String groupId(LaunchContext ctx) {
            return ctx.facts().get(LaunchFacts.SECURITY_GROUP_ID);
        }
    }

    /**
     * Removes the allow-all outbound rule AWS adds to every new group. Runs side by side with
     * {@link AllowEgress}: the two rules are independent. A retry finds the rule gone, which is fine.
     */
    static final class RevokeDefaultEgress extends RuleStep {
        RevokeDefaultEgress() {
            super(REVOKE_DEFAULT_EGRESS, "Remove the allow-all outbound rule");
        }

        @Override
        public String apply(LaunchContext ctx) {
            // In a VPC with IPv6, AWS adds an allow-all ::/0 rule as well; AWS reports a missing one as
            // unknown, but older endpoints (and moto) refuse the whole call, so then only IPv4 is revoked.
            IpRange anyIpv4 = IpRange.builder().cidrIp(SecurityGroupModel.ANYWHERE).build();
            String groupId = groupId(ctx);
            try {
                ctx.ec2().revokeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder().ipProtocol("-1")
                        .ipRanges(anyIpv4).ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build()).build()));
            } catch (Ec2Exception e) {
                if (!"InvalidPermission.NotFound".equals(e.awsErrorDetails().errorCode())) {
                    throw e;
                }
                AwsErrors.ignoring(List.of("InvalidPermission.NotFound"), () -> ctx.ec2().revokeSecurityGroupEgress(r -> r.groupId(groupId)
                        .ipPermissions(IpPermission.builder().ipProtocol("-1").ipRanges(anyIpv4).build())));
            }
            return "";
        }
    }

    /** Allows the outbound traffic the blueprint's group names. A retry finds the rules there, which is fine. */
    static final class AllowEgress extends RuleStep {
        AllowEgress(Egress egress) {
            super(ALLOW_EGRESS, "Allow outbound " + describe(egress) + " only");
        }

        @Override
        public String apply(LaunchContext ctx) {
            List<IpPermission> allowed = ctx.blueprint().securityGroup().egress().stream().map(SecurityGroupSteps::permission).toList();
            AwsErrors.ignoring(List.of("InvalidPermission.Duplicate"), () -> ctx.ec2().authorizeSecurityGroupEgress(r -> r.groupId(groupId(ctx)).ipPermissions(allowed)));
            return describe(ctx.spec().egress());
        }

        static String describe(Egress egress) {
            return switch (egress) {
                case WEB -> "HTTP and HTTPS";
                case HTTPS_ONLY -> "HTTPS";
                case ALL -> "everything";
            };
        }
    }

    /** Opens the blueprint's inbound rules: SSH from the spec's CIDR, and nothing else. */
    static final class AuthorizeSsh extends RuleStep {
        AuthorizeSsh(String cidr) {
            super(AUTHORIZE_SSH, "Allow SSH from " + cidr + " only");
        }

        @Override
        public String apply(LaunchContext ctx) {
            List<SecurityGroupModel.Rule> rules = ctx.blueprint().securityGroup().ingress();
            List<IpPermission> permissions = rules.stream().map(SecurityGroupSteps::permission).toList();
            AwsErrors.ignoring(List.of("InvalidPermission.Duplicate"), () -> ctx.ec2().authorizeSecurityGroupIngress(r -> r.groupId(groupId(ctx)).ipPermissions(permissions)));
            return rules.stream().map(SecurityGroupModel.Rule::cidr).collect(java.util.stream.Collectors.joining(", "));
        }
    }

    /** One blueprint rule as EC2 takes it: an IPv4 or IPv6 range, with its description. */
    static IpPermission permission(SecurityGroupModel.Rule rule) {
        IpPermission.Builder b = IpPermission.builder().ipProtocol(rule.protocol());
        if (!rule.protocol().equals("-1")) {
            b.fromPort(rule.fromPort()).toPort(rule.toPort());
        }
        return rule.ipv6()
                ? b.ipv6Ranges(Ipv6Range.builder().cidrIpv6(rule.cidr()).description(rule.description()).build()).build()
                : b.ipRanges(IpRange.builder().cidrIp(rule.cidr()).description(rule.description()).build()).build();
    }
}
