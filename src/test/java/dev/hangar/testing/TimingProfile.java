package dev.hangar.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How long AWS takes to settle what a launch creates, for the front server to play back (moto settles everything at
 * once): a new instance profile is invisible to EC2 for a while (RunInstances with it fails with InvalidParameterValue
 * "Invalid IAM Instance Profile name", as AWS answers while IAM propagates); an instance is {@code pending} before it
 * runs; NAT gateways and VPC endpoints are {@code pending} before they are {@code available}; Session Manager lists an
 * instance only some time after it runs, once its agent has registered, and only once the instance has a way to reach
 * Systems Manager (see {@link #sessionManagerNeedsRoute}). Off unless a test or benchmark turns it on with
 * {@link AwsFrontServer#setTimingProfile}; the figures of {@link #realistic()} are what a launch meets in a real region,
 * {@link #scaledDown} shortens them all by one factor so a benchmark can run them in seconds.
 *
 * @param sessionManagerNeedsRoute in a VPC with a NAT gateway or interface endpoints (Hangar's network), the agent
 *                                 registers only once a NAT gateway there is available, or the ssm, ssmmessages and
 *                                 ec2messages endpoints all are; in a VPC with neither (the default VPC, reached through
 *                                 its internet gateway) there is nothing to wait for
 * @param clock                    what "now" is for the profile; a test moves a fake one by hand
 */
public record TimingProfile(Duration instanceProfileInvisible, Duration instancePending, Duration natGatewayPending,
                            Duration vpcEndpointPending, Duration sessionManagerAfterRunning, boolean sessionManagerNeedsRoute,
                            Clock clock) {

    public TimingProfile {
        Objects.requireNonNull(instanceProfileInvisible, "instanceProfileInvisible");
        Objects.requireNonNull(instancePending, "instancePending");
        Objects.requireNonNull(natGatewayPending, "natGatewayPending");
        Objects.requireNonNull(vpcEndpointPending, "vpcEndpointPending");
        Objects.requireNonNull(sessionManagerAfterRunning, "sessionManagerAfterRunning");
        Objects.requireNonNull(clock, "clock");
    }

    /** What a launch meets in a real region: 8 s of IAM propagation, 20 s pending, 60 s for a NAT gateway or an endpoint, Session Manager 30 s after running. */
    public static TimingProfile realistic() {
        return new TimingProfile(Duration.ofSeconds(8), Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(30), true, Clock.systemUTC());
    }

    /** Every delay divided by {@code factor} (10: the instance is pending for 2 s instead of 20). */
    public TimingProfile scaledDown(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("the factor must be positive: " + factor);
        }
        return new TimingProfile(divide(instanceProfileInvisible, factor), divide(instancePending, factor), divide(natGatewayPending, factor),
                divide(vpcEndpointPending, factor), divide(sessionManagerAfterRunning, factor), sessionManagerNeedsRoute, clock);
    }

    public TimingProfile withClock(Clock clock) {
        return new TimingProfile(instanceProfileInvisible, instancePending, natGatewayPending, vpcEndpointPending,
                sessionManagerAfterRunning, sessionManagerNeedsRoute, clock);
    }

    private static Duration divide(Duration d, double factor) {
        return Duration.ofNanos(Math.round(d.toNanos() / factor));
    }
}
