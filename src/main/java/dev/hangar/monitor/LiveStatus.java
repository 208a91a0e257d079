package dev.hangar.monitor;

import java.time.Instant;

/** What AWS says of one instance right now; fields are null when AWS no longer knows it. */
public record LiveStatus(String instanceId, String instanceType, String state, String systemStatus, String instanceStatus,
        String availabilityZone, Instant launchTime, String publicIp, String privateIp) {

    public static LiveStatus gone(String instanceId) {
        return new LiveStatus(instanceId, null, "not-found", null, null, null, null, null, null);
    }
}
