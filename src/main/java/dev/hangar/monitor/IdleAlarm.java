package dev.hangar.monitor;

import java.time.Instant;

/**
 * The launch's idle-stop alarm ({@code hangar-<launch id>-idle-stop}) as CloudWatch reports it.
 *
 * @param state     {@code OK}, {@code ALARM} (the instance is idle and is being stopped), {@code INSUFFICIENT_DATA},
 *                  or {@link #MISSING} when the spec asked for one and CloudWatch has none
 * @param reason    CloudWatch's state reason; null when missing
 * @param updatedAt when the state last changed; null when missing
 * @param signal    what decides "idle" now: {@link #CPU_AND_GPUS} while the GPUs report utilisation, else {@link #CPU_ONLY}
 */
public record IdleAlarm(String name, String state, String reason, Instant updatedAt, String signal) {

    public static final String MISSING = "missing";
    public static final String CPU_AND_GPUS = "CPU and the busiest GPU";
    public static final String CPU_ONLY = "CPU only: the GPUs report no metrics, so the longer no-GPU-data window applies";

    public static IdleAlarm missing(String name) {
        return new IdleAlarm(name, MISSING, null, null, null);
    }
}
