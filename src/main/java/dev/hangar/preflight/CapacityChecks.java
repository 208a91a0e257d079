package dev.hangar.preflight;

import dev.hangar.aws.AwsClients;
import dev.hangar.blueprint.CapacityReservation;
import dev.hangar.blueprint.ReservationFit;
import dev.hangar.preflight.PreflightCheck.Status;
import dev.hangar.spec.ClusterSpec;
import dev.hangar.spec.EfaMode;
import dev.hangar.spec.LaunchSpec;
import java.time.Clock;

/**
 * The checks a capacity reservation and a cluster add: does the reservation take the launch (sized by the cluster's
 * nodes), and does the type have the Elastic Fabric Adapter the cluster asks for.
 */
record CapacityChecks(AwsClients aws, LaunchSpec spec, PreflightFacts facts, Clock clock) {

    static final String RESERVATION = "capacity-reservation";
    static final String EFA = "efa";

    /** How many instances of the spec's type the launch runs at most: one, or a cluster's compute nodes. */
    static int instances(LaunchSpec spec) {
        return spec.cluster() == null ? 1 : spec.cluster().nodes();
    }

    PreflightCheck reservation() {
        String title = "Capacity reservation";
        CapacityReservation found = CapacityReservation.find(aws.ec2(spec.region()), spec.capacityReservationId()).orElse(null);
        ReservationFit fit = ReservationFit.judge(spec, found, instances(spec), clock.instant());
        Status status = switch (fit.verdict()) {
            case FITS -> Status.PASS;
            case NOT_YET -> Status.WARN;
            case UNUSABLE -> Status.FAIL;
        };
        String launch = fit.verdict() == ReservationFit.Verdict.UNUSABLE ? "" : "; the launch goes into " + found.availabilityZone();
        return new PreflightCheck(RESERVATION, title, status, fit.detail() + launch);
    }

    /** DescribeInstanceTypes' NetworkInfo.EfaSupported, against the cluster's {@code efa}. */
    PreflightCheck efa() {
        ClusterSpec cluster = spec.cluster();
        String title = "Elastic Fabric Adapter";
        Boolean supported = facts.efaSupported.join();
        if (supported == null) {
            return new PreflightCheck(EFA, title, Status.WARN, "not checked: " + spec.instanceType() + " was not found");
        }
        String type = spec.instanceType();
        if (cluster.efa() == EfaMode.OFF) {
            return new PreflightCheck(EFA, title, Status.PASS, "off (cluster.efa \"off\")" + (supported ? "; " + type
                    + " supports EFA: multi-node training is faster with it on" : ""));
        }
        if (cluster.efa() == EfaMode.AUTO) {
            return new PreflightCheck(EFA, title, Status.PASS, supported
                    ? "auto resolves to on: " + type + " supports EFA (and the nodes share a cluster placement group)"
                    : "auto resolves to off: " + type + " does not support EFA; nodes talk over ordinary networking");
        }
        return supported ? new PreflightCheck(EFA, title, Status.PASS, "on: " + type + " supports EFA")
                : new PreflightCheck(EFA, title, Status.WARN, "cluster.efa: \"on\" but " + type + " does not support EFA;"
                        + " ParallelCluster would refuse it. Set efa to \"auto\" or pick a type with EFA (e.g. g5.12xlarge, p4d.24xlarge)");
    }
}
