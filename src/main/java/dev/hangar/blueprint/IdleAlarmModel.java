package dev.hangar.blueprint;

import dev.hangar.blueprint.IamPolicies;
import dev.hangar.blueprint.LaunchNames;
import dev.hangar.spec.LaunchSpec;

/**
 * The idle-stop alarm, computed as the engine's IdleStopAlarm step does: average CPU under 5 % for the
 * spec's minutes stops the instance. Missing data (a stopped instance) does not count as idle.
 */
public record IdleAlarmModel(String name, String description, String namespace, String metricName, String dimension,
                             String statistic, int periodSeconds, int evaluationPeriods, double threshold,
                             String comparisonOperator, String treatMissingData, String actionArn) {

    public static final double IDLE_CPU_PERCENT = 5;

    static IdleAlarmModel of(LaunchSpec spec, LaunchNames names) {
        int minutes = spec.idleStopMinutes();
        if (minutes <= 0) {
            return null;
        }
        int period = periodSeconds(minutes);
        return new IdleAlarmModel(names.idleAlarmName(),
                "Hangar: stop " + names.launchId() + " after " + minutes + " idle minutes",
                "AWS/EC2", "CPUUtilization", "InstanceId", "Average", period, evaluationPeriods(minutes),
                IDLE_CPU_PERCENT, "LessThanThreshold", "notBreaching",
                "arn:" + IamPolicies.partition(spec.region()) + ":automate:" + spec.region() + ":ec2:stop");
    }

    /** CloudWatch limits period × evaluation periods to one day for periods under an hour. */
    static int periodSeconds(int minutes) {
        return minutes <= 1440 ? 60 : 3600;
    }

    static int evaluationPeriods(int minutes) {
        return (int) Math.ceil(minutes * 60.0 / periodSeconds(minutes));
    }
}
