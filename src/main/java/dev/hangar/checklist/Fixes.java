package dev.hangar.checklist;

import dev.hangar.spec.Access;
import dev.hangar.spec.BucketAccess;
import dev.hangar.spec.Egress;
import dev.hangar.spec.LaunchSpec;

/** The one-click fixes more than one rule offers, so they read and behave the same everywhere. */
final class Fixes {

    static final Fix USE_SSM = Fix.oneClick("Use SSM Session Manager instead of SSH: no inbound port, no SSH key needed",
            spec -> spec.toBuilder().access(Access.SSM).sshCidr(null).allowSshFromAnywhere(false).build());

    static final Fix NO_PUBLIC_IP = Fix.oneClick("Do not give the instance a public IP address",
            spec -> spec.toBuilder().associatePublicIp(false).build());

    static final Fix PUBLIC_IP = Fix.oneClick(
            "Give the instance a public IP address so it can reach AWS through the internet gateway "
                    + "(inbound traffic is still only what the security group allows: none with SSM)",
            spec -> spec.toBuilder().associatePublicIp(true).build());

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

    static Fix prefixEndingInSlash(String prefix) {
        return Fix.oneClick("End the data prefix with '/': \"" + prefix + "/\"",
                spec -> spec.toBuilder().dataPrefix(spec.dataPrefix() + "/").build());
    }
}
