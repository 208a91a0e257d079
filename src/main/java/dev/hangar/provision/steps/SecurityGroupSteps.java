package dev.hangar.provision.steps;

import static dev.hangar.provision.steps.StepIds.*;

import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.ResourceKind;
import dev.hangar.journal.ResourceRecord;
import dev.hangar.provision.LaunchContext;
import dev.hangar.spec.Egress;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;

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
            String name = ctx.names().securityGroupName();
            ctx.journal().intend(ResourceKind.SECURITY_GROUP, name, id());
            String groupId;
            try {
                groupId = ctx.ec2().createSecurityGroup(r -> r.groupName(name).vpcId(ctx.vpcId())
                        .description("Hangar launch " + ctx.names().launchId())
                        .tagSpecifications(ctx.tags().ec2For(software.amazon.awssdk.services.ec2.model.ResourceType.SECURITY_GROUP))).groupId();
            } catch (Ec2Exception e) {
                if (!"InvalidGroup.Duplicate".equals(e.awsErrorDetails().errorCode())) {
                    throw e;
                }
                // A retried call whose first attempt did succeed: the name is unique to this launch.
                groupId = ctx.ec2().describeSecurityGroups(r -> r.filters(InputChecks.filter("group-name", name), InputChecks.filter("vpc-id", ctx.vpcId())))
                        .securityGroups().get(0).groupId();
            }
            ctx.securityGroupId(groupId);
            ctx.journal().created(ResourceKind.SECURITY_GROUP, groupId, id(), name);
            return groupId;
        }

        @Override
        public boolean restore(LaunchContext ctx, LaunchRecord record) {
            return record.resources().stream()
                    .filter(r -> r.type().equals(ResourceKind.SECURITY_GROUP) && r.step().equals(id())
                            && r.state().equals(ResourceRecord.CREATED) && r.id().startsWith("sg-"))
                    .reduce((a, b) -> b)
                    .map(r -> {
                        ctx.securityGroupId(r.id());
                        return true;
                    }).orElse(false);
        }
    }

    /**
     * Removes the allow-all outbound rule AWS adds to every new group. Runs side by side with
     * {@link AllowEgress}: the two rules are independent. A retry finds the rule gone, which is fine.
     */
    static final class RevokeDefaultEgress extends BaseStep {
        RevokeDefaultEgress() {
            super(REVOKE_DEFAULT_EGRESS, "Remove the allow-all outbound rule", List.of(CREATE_SECURITY_GROUP));
        }

        @Override
        public String apply(LaunchContext ctx) {
            // In a VPC with IPv6, AWS adds an allow-all ::/0 rule as well; AWS reports a missing one as
            // unknown, but older endpoints (and moto) refuse the whole call, so then only IPv4 is revoked.
            IpRange anyIpv4 = IpRange.builder().cidrIp("0.0.0.0/0").build();
            try {
                ctx.ec2().revokeSecurityGroupEgress(r -> r.groupId(ctx.securityGroupId()).ipPermissions(IpPermission.builder().ipProtocol("-1")
                        .ipRanges(anyIpv4).ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build()).build()));
            } catch (Ec2Exception e) {
                if (!"InvalidPermission.NotFound".equals(e.awsErrorDetails().errorCode())) {
                    throw e;
                }
                ignoring("InvalidPermission.NotFound", () -> ctx.ec2().revokeSecurityGroupEgress(r -> r.groupId(ctx.securityGroupId())
                        .ipPermissions(IpPermission.builder().ipProtocol("-1").ipRanges(anyIpv4).build())));
            }
            return "";
        }
    }

    /** Allows the outbound traffic the spec's egress names. A retry finds the rules there, which is fine. */
    static final class AllowEgress extends BaseStep {
        AllowEgress(Egress egress) {
            super(ALLOW_EGRESS, "Allow outbound " + describe(egress) + " only", List.of(CREATE_SECURITY_GROUP));
        }

        @Override
        public String apply(LaunchContext ctx) {
            List<IpPermission> allowed = new ArrayList<>();
            if (ctx.spec().egress() == Egress.WEB) {
                allowed.add(tcp(80, "0.0.0.0/0", "HTTP out (package mirrors)"));
            }
            allowed.add(tcp(443, "0.0.0.0/0", "HTTPS out (AWS APIs, S3, SSM)"));
            ignoring("InvalidPermission.Duplicate", () -> ctx.ec2().authorizeSecurityGroupEgress(r -> r.groupId(ctx.securityGroupId()).ipPermissions(allowed)));
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

    static final class AuthorizeSsh extends BaseStep {
        AuthorizeSsh(String cidr) {
            super(AUTHORIZE_SSH, "Allow SSH from " + cidr + " only", List.of(CREATE_SECURITY_GROUP));
        }

        @Override
        public String apply(LaunchContext ctx) {
            String cidr = ctx.spec().sshCidr();
            IpPermission ssh = cidr.contains(":")
                    ? IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                            .ipv6Ranges(Ipv6Range.builder().cidrIpv6(cidr).description("SSH from the launcher").build()).build()
                    : tcp(22, cidr, "SSH from the launcher");
            ignoring("InvalidPermission.Duplicate", () -> ctx.ec2().authorizeSecurityGroupIngress(r -> r.groupId(ctx.securityGroupId()).ipPermissions(ssh)));
            return cidr;
        }
    }

    private static void ignoring(String errorCode, Runnable call) {
        try {
            call.run();
        } catch (Ec2Exception e) {
            if (!errorCode.equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
        }
    }

    private static IpPermission tcp(int port, String cidr, String description) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                .ipRanges(IpRange.builder().cidrIp(cidr).description(description).build()).build();
    }
}
