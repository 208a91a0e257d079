package dev.hangar.blueprint;

import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.Market;
import dev.hangar.spec.NetworkMode;

/**
 * The instance with every setting the engine's RunInstances call makes. The security settings are fixed
 * here, once, for every format.
 *
 * @param rootDeviceName the image's root device, null when not known (CloudFormation then asks for it)
 * @param spot           a persistent spot request, stopped (not terminated) when interrupted or shut down
 * @param capacityReservationId the reservation the instance is launched into (its zone), null for none
 */
public record InstanceModel(String amiId, String instanceType, String subnetId, String availabilityZone,
                            boolean associatePublicIp, String tenancy, boolean monitoring, boolean ebsOptimized,
                            String httpEndpoint, String httpTokens, int httpPutResponseHopLimit,
                            String rootDeviceName, int rootVolumeGiB, String rootVolumeType, boolean rootEncrypted,
                            boolean rootDeleteOnTermination, String userData, boolean spot, String shutdownBehavior,
                            String capacityReservationId) {

    /** IMDSv2 only, and the token may not cross a container's network hop: every launch's guarantee. */
    public static final String HTTP_TOKENS = "required";
    public static final int HOP_LIMIT = 1;

    /**
     * A persistent request whose instance stops when interrupted: the disks stay, idle stop can stop it, and the
     * request starts it again when capacity returns. A one-time request could only be terminated.
     */
    public static final String SPOT_INSTANCE_TYPE = "persistent";
    public static final String SPOT_INTERRUPTION_BEHAVIOR = "stop";

    /** @param run the launch's run, whose unit the first-boot script installs; null without one */
    static InstanceModel of(LaunchSpec spec, String rootDeviceName, RunModel run) {
        boolean spot = spec.market() == Market.SPOT;
        // network=public means the default VPC reached through its internet gateway: a public IP (no inbound rule).
        boolean publicIp = spec.associatePublicIp() || (spec.subnetId() == null && spec.network() == NetworkMode.PUBLIC);
        return new InstanceModel(spec.amiId(), spec.instanceType(), spec.subnetId(), spec.availabilityZone(),
                publicIp, spec.tenancy() == null ? null : spec.tenancy().wireName(), true, true,
                "enabled", HTTP_TOKENS, HOP_LIMIT,
                rootDeviceName, spec.rootVolumeGiB(), "gp3", true, true,
                UserData.script(run), spot, "stop", spec.capacityReservationId());
    }
}
