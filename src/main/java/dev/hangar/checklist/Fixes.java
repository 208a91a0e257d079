package dev.hangar.checklist;

import dev.hangar.spec.Access;
import dev.hangar.spec.BucketAccess;
import dev.hangar.spec.Egress;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.NetworkMode;

/** The one-click fixes more than one rule offers, so they read and behave the same everywhere. */
final class Fixes {

    static final Fix USE_SSM = Fix.oneClick("Use SSM Session Manager instead of SSH: no inbound port, no SSH key needed",
            spec -> spec.toBuilder().access(Access.SSM).sshCidr(null).allowSshFromAnywhere(false).build());

    static final Fix NO_PUBLIC_IP = Fix.oneClick("Do not give the instance a public IP address",
            spec -> spec.toBuilder().associatePublicIp(false).build());

    /**
     * Hangar's own network: no public IP, out through a NAT gateway, S3 through its gateway endpoint. Replaces a subnetId
     * too, since the fix is offered where the named subnet (or the default VPC) gives the instance no safe way out.
     */
    static final Fix PRIVATE_NETWORK = Fix.oneClick(
            "Use Hangar's private network (network: private): no public IP, no inbound route; it reaches SSM, S3, CloudWatch "
                    + "and the internet outbound through a NAT gateway (the review shows what it costs per hour)",
            spec -> spec.toBuilder().subnetId(null).network(NetworkMode.PRIVATE).associatePublicIp(false).build());

    /** SSH needs a public IP to be reached from the researcher's address: without one, Session Manager is the way in. */
    static final Fix SSM_IN_PRIVATE_NETWORK = Fix.oneClick(
            "Use Session Manager and Hangar's private network (access: ssm, network: private): no public IP and no inbound "
                    + "port; SSH without a public IP would reach the instance only from inside the VPC",
            spec -> PRIVATE_NETWORK.applyTo(USE_SSM.applyTo(spec)));

    static final Fix READ_ONLY = Fix.oneClick("Make the instance role read-only on the bucket",
            spec -> spec.toBuilder().bucketAccess(BucketAccess.READ_ONLY).build());

    static final Fix WEB_EGRESS = Fix.oneClick("Limit outbound traffic to HTTP and HTTPS (egress: web)",
            spec -> spec.toBuilder().egress(Egress.WEB).build());

    static final Fix IDLE_STOP = Fix.oneClick("Stop the instance after " + LaunchSpec.DEFAULT_IDLE_STOP_MINUTES + " idle minutes",
            spec -> spec.toBuilder().idleStopMinutes(LaunchSpec.DEFAULT_IDLE_STOP_MINUTES).build());

    static final Fix KEEP_DATA_VOLUME = Fix.oneClick("Keep the data volume when the instance is terminated",
            spec -> spec.toBuilder().deleteDataVolumeOnTermination(false).build());

    private Fixes() {
    }

    /** The fix that takes the instance off the internet and keeps it reachable: with SSH, Session Manager too. */
    static Fix privateNetworkFor(LaunchSpec spec) {
        return spec.access() == Access.SSH ? SSM_IN_PRIVATE_NETWORK : PRIVATE_NETWORK;
    }

    static Fix prefixEndingInSlash(String prefix) {
        return Fix.oneClick("End the data prefix with '/': \"" + prefix + "/\"",
                spec -> spec.toBuilder().dataPrefix(spec.dataPrefix() + "/").build());
    }
}
