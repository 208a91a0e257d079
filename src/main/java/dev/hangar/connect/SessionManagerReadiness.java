package dev.hangar.connect;

import dev.hangar.aws.AwsClients;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.PingStatus;

/**
 * Asks Session Manager whether an instance can take a session: {@code DescribeInstanceInformation} filtered to the
 * instance is {@code Online} once its SSM agent has registered and keeps pinging. When it is not, EC2's state of the
 * instance says why in plainer words (still starting, stopped) than Session Manager's (not listed, connection lost).
 * Blocks on AWS: call it off the UI thread.
 */
public final class SessionManagerReadiness {

    static final String NOT_REGISTERED = "The instance has not registered with Session Manager yet (usually 1–3 minutes after it starts).";
    static final String CONNECTION_LOST = "Session Manager has lost the connection to the instance's agent (it may be rebooting,"
            + " or without a network route to Systems Manager).";
    static final String INACTIVE = "The instance is no longer registered with Session Manager.";

    private final AwsClients aws;

    public SessionManagerReadiness(AwsClients aws) {
        this.aws = aws;
    }

    /** Whether a session can be opened on {@code instanceId} in {@code region} now. */
    public Readiness check(String region, String instanceId) {
        Optional<InstanceInformation> info = aws.ssm(region).describeInstanceInformation(r -> r.filters(
                InstanceInformationStringFilter.builder().key("InstanceIds").values(instanceId).build()))
                .instanceInformationList().stream().filter(i -> instanceId.equals(i.instanceId())).findFirst();
        if (info.isPresent() && info.get().pingStatus() == PingStatus.ONLINE) {
            return Readiness.ready();
        }
        Optional<String> ec2 = ec2State(region, instanceId);
        if (ec2.isPresent() && !"running".equals(ec2.get())) {
            return Readiness.notYet(byEc2State(ec2.get()));
        }
        if (info.isEmpty()) {
            return Readiness.notYet(NOT_REGISTERED);
        }
        return Readiness.notYet(info.get().pingStatus() == PingStatus.INACTIVE ? INACTIVE : CONNECTION_LOST);
    }

    private Optional<String> ec2State(String region, String instanceId) {
        try {
            return aws.ec2(region).describeInstances(r -> r.instanceIds(instanceId)).reservations().stream()
                    .flatMap(r -> r.instances().stream()).filter(i -> instanceId.equals(i.instanceId())).findFirst()
                    .map(Instance::state).map(s -> s.nameAsString());
        } catch (Ec2Exception e) {
            // A while after it was terminated, EC2 no longer knows the instance at all.
            if (e.awsErrorDetails() != null && String.valueOf(e.awsErrorDetails().errorCode()).startsWith("InvalidInstanceID")) {
                return Optional.of("gone");
            }
            throw e;
        }
    }

    private static String byEc2State(String state) {
        return switch (state) {
            case "pending" -> "The instance is still starting; Session Manager can reach it a minute or two after it runs.";
            case "stopping", "stopped" -> "The instance is " + state + ": start it first.";
            case "shutting-down", "terminated" -> "The instance is " + state + ": there is nothing to connect to.";
            case "gone" -> "The instance no longer exists: there is nothing to connect to.";
            default -> "The instance is " + state + ".";
        };
    }
}
