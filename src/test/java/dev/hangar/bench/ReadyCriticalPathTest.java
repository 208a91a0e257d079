package dev.hangar.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hangar.provision.LaunchContext;
import dev.hangar.provision.LaunchPlan;
import dev.hangar.provision.Step;
import dev.hangar.testing.TimingProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/** The ideal schedule the realistic-launch benchmark measures against, on small plans whose answer is known. */
class ReadyCriticalPathTest {

    private static final TimingProfile TENTH = TimingProfile.realistic().scaledDown(10); // 0.8 s, 2 s, 6 s, 6 s, 3 s
    private static final double CALL = 20;

    private record FakeStep(String id, List<String> dependsOn) implements Step {
        @Override
        public String title() {
            return id;
        }

        @Override
        public String apply(LaunchContext ctx) {
            throw new UnsupportedOperationException();
        }
    }

    private final List<Step> steps = new ArrayList<>();
    private final Map<String, List<CallLog.Entry>> calls = new LinkedHashMap<>();

    private void step(String id, List<String> dependsOn, Object... operations) {
        steps.add(new FakeStep(id, dependsOn));
        List<CallLog.Entry> made = new ArrayList<>();
        for (Object op : operations) {
            boolean failed = op instanceof String s && s.startsWith("!");
            SdkRequest request = op instanceof SdkRequest r ? r : null;
            String name = request != null ? request.getClass().getSimpleName().replace("Request", "") : ((String) op).replace("!", "");
            made.add(new CallLog.Entry("svc", name, "t", 0, (long) (CALL * 1e6), failed, request));
        }
        calls.put(id, made);
    }

    /** Today's plan: checks, IAM and the instance; nothing waits for Session Manager. */
    private void todaysPlan() {
        step("check-image", List.of(), "DescribeImages");
        step("create-role", List.of("check-image"), "CreateRole");
        step("put-policy", List.of("create-role"), "PutRolePolicy");
        step("create-instance-profile", List.of("check-image"), "CreateInstanceProfile");
        step("add-role", List.of("create-instance-profile", "create-role"), "AddRoleToInstanceProfile");
        step("run-instance", List.of("put-policy", "add-role"), "!RunInstances", RunInstancesRequest.builder().dryRun(true).build(),
                "!RunInstances", RunInstancesRequest.builder().build());
        step("wait-running", List.of("run-instance"), "DescribeInstances", "DescribeInstances", "DescribeInstances");
        step("attach-volume", List.of("wait-running"), "AttachVolume", "DescribeVolumes", "DescribeVolumes");
    }

    @Test
    void todayTheInstanceProfileThenPendingThenTheAgentMakeThePath() {
        todaysPlan();

        var path = ReadyCriticalPath.of(new LaunchPlan(steps), calls, TENTH, CALL);

        // check-image, create-instance-profile, 0.8 s, run-instance, 2 s + 3 s, and the caller's own check
        assertThat(path.ms()).isCloseTo(2 * CALL + 800 + CALL + 5000 + CALL, within(1e-6));
        assertThat(path.chain()).containsExactly("check-image (1 call, 20 ms)", "create-instance-profile (1 call, 20 ms)",
                "wait: the instance profile invisible to EC2 0.8 s", "run-instance (1 call, 20 ms)",
                "wait: the instance pending 2.0 s, then its agent registering 3.0 s", ReadyCriticalPath.SESSION_MANAGER_ONLINE + " (1 call, 20 ms)");
    }

    @Test
    void aLongerChainBeforeTheInstanceHidesTheInstanceProfilesWait() {
        todaysPlan();
        steps.removeIf(s -> s.id().equals("run-instance") || s.id().equals("wait-running") || s.id().equals("attach-volume"));
        String before = "put-policy";
        for (int i = 0; i < 50; i++) { // 50 calls one after another: 1 s, longer than the 0.8 s the profile takes
            step("slow-" + i, List.of(before), "Op" + i);
            before = "slow-" + i;
        }
        step("run-instance", List.of(before, "add-role"), RunInstancesRequest.builder().build());

        var path = ReadyCriticalPath.of(new LaunchPlan(steps), calls, TENTH, CALL);

        assertThat(path.ms()).isCloseTo((3 + 50 + 1) * CALL + 5000 + CALL, within(1e-6));
        assertThat(path.chain()).doesNotContain("wait: the instance profile invisible to EC2 0.8 s").contains("slow-49 (1 call, 20 ms)");
    }

    @Test
    void aNewNatGatewayCanBeThePathWhenTheLaunchWaitsForSessionManager() {
        todaysPlan();
        step("create-vpc", List.of(), "CreateVpc");
        step("create-nat", List.of("create-vpc"), "AllocateAddress", "CreateNatGateway");
        step("wait-session-manager", List.of("wait-running"), "DescribeInstanceInformation", "DescribeInstanceInformation");

        var path = ReadyCriticalPath.of(new LaunchPlan(steps), calls, TENTH, CALL);

        // create-vpc, create-nat (2 calls), 6 s, then the step's one call: later than the instance's 5.8 s + 4 calls
        assertThat(path.ms()).isCloseTo(3 * CALL + 6000 + CALL, within(1e-6));
        assertThat(path.chain()).containsExactly("create-vpc (1 call, 20 ms)", "create-nat (2 calls, 40 ms)", "wait: the NAT gateway pending 6.0 s",
                "wait-session-manager (1 call, 20 ms)");
    }

    @Test
    void anIsolatedNetworkWaitsForItsLastSessionManagerEndpointNotForTheS3One() {
        todaysPlan();
        step("create-vpc", List.of(), "CreateVpc");
        step("s3-endpoint", List.of("create-vpc"), endpoint("com.amazonaws.us-east-1.s3", VpcEndpointType.GATEWAY));
        step("ssm-endpoints", List.of("s3-endpoint"), endpoint("com.amazonaws.us-east-1.ssm", VpcEndpointType.INTERFACE),
                endpoint("com.amazonaws.us-east-1.ssmmessages", VpcEndpointType.INTERFACE),
                endpoint("com.amazonaws.us-east-1.ec2messages", VpcEndpointType.INTERFACE));
        step("wait-session-manager", List.of("wait-running"), "DescribeInstanceInformation");

        var path = ReadyCriticalPath.of(new LaunchPlan(steps), calls, TENTH, CALL);

        assertThat(path.ms()).isCloseTo(3 * CALL + 6000 + CALL, within(1e-6));
        assertThat(path.chain()).contains("wait: the Systems Manager endpoints pending 6.0 s").first().isEqualTo("create-vpc (1 call, 20 ms)");
    }

    @Test
    void aReusedNetworkLeavesTheInstanceOnThePath() {
        todaysPlan();
        step("find-network", List.of(), "DescribeVpcs", "DescribeSubnets");
        step("wait-session-manager", List.of("wait-running"), "DescribeInstanceInformation");

        var path = ReadyCriticalPath.of(new LaunchPlan(steps), calls, TENTH, CALL);

        assertThat(path.ms()).isCloseTo(2 * CALL + 800 + CALL + 5000 + CALL, within(1e-6));
        assertThat(path.chain()).last().isEqualTo("wait-session-manager (1 call, 20 ms)");
    }

    private static CreateVpcEndpointRequest endpoint(String service, VpcEndpointType type) {
        return CreateVpcEndpointRequest.builder().serviceName(service).vpcEndpointType(type).build();
    }
}
