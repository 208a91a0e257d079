package dev.hangar.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.preflight.PreflightCheck.Status;
import dev.hangar.spec.ClusterSpec;
import dev.hangar.spec.EfaMode;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.testing.FakeCapacityReservations.Reservation;
import dev.hangar.testing.FakeServiceQuotas;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Preflight of a capacity reservation (state, size, type, zone, end) and of a cluster (vCPU quota for N nodes, EFA). */
@ExtendWith(LocalAwsExtension.class)
class CapacityPreflightTest {

    private static final String ID = "cr-0123456789abcdef0";

    private LocalAws aws;

    @BeforeEach
    void bucket(LocalAws aws) {
        this.aws = aws;
        aws.clients().s3(LocalAws.REGION).createBucket(b -> b.bucket("research-data"));
    }

    private static LaunchSpec.Builder spec() {
        return LaunchSpec.builder().name("llama").region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI)
                .instanceType("g5.xlarge").dataBucket("research-data").capacityReservationId(ID);
    }

    private PreflightCheck check(LaunchSpec spec, String id) {
        return new Preflight(aws.clients(), Clock.systemUTC()).run(spec).report().checks().stream()
                .filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no check " + id));
    }

    private PreflightCheck reservation(LaunchSpec spec) {
        return check(spec, "capacity-reservation");
    }

    @Test
    void anActiveReservationWithRoomPassesAndSaysWhereTheLaunchGoes() {
        aws.capacityReservations().add(Reservation.active(ID, "g5.xlarge", "us-east-1b", 4, 3));

        PreflightCheck check = reservation(spec().build());

        assertThat(check.status()).as(check.detail()).isEqualTo(Status.PASS);
        assertThat(check.detail()).contains("3 of 4", "us-east-1b", "the launch goes into us-east-1b");
    }

    @Test
    void anExpiredReservationFails() {
        aws.capacityReservations().add(Reservation.active(ID, "g5.xlarge", "us-east-1b", 1, 1).withState("expired")
                .endingAt(Instant.now().minus(Duration.ofDays(1))));

        PreflightCheck check = reservation(spec().build());

        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.detail()).startsWith("capacityReservationId:").contains(ID, "ended");
    }

    @Test
    void aCancelledReservationFailsSayingItsState() {
        aws.capacityReservations().add(Reservation.active(ID, "g5.xlarge", "us-east-1b", 1, 1).withState("cancelled"));

        PreflightCheck check = reservation(spec().build());

        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.detail()).contains("is cancelled, not active");
    }

    @Test
    void aReservationTooSmallForTheClustersNodesFails() {
        aws.capacityReservations().add(Reservation.active(ID, "g5.xlarge", "us-east-1b", 4, 2));

        PreflightCheck one = reservation(spec().build());
        PreflightCheck four = reservation(spec().cluster(new ClusterSpec(4, 0, EfaMode.AUTO, 30, "t3.medium")).build());

        assertThat(one.status()).isEqualTo(Status.PASS);
        assertThat(four.status()).isEqualTo(Status.FAIL);
        assertThat(four.detail()).contains("room for 2 more g5.xlarges (of 4), 4 needed");
    }

    @Test
    void aReservationForAnotherTypeTenancyOrZoneFailsNamingTheField() {
        aws.capacityReservations().add(Reservation.active(ID, "g5.2xlarge", "us-east-1b", 1, 1));
        assertThat(reservation(spec().build()).detail()).startsWith("instanceType:").contains("set instanceType to g5.2xlarge");

        aws.capacityReservations().add(Reservation.active(ID, "g5.xlarge", "us-east-1b", 1, 1).withTenancy("dedicated"));
        assertThat(reservation(spec().build()).detail()).startsWith("tenancy:");

        aws.capacityReservations().add(Reservation.active(ID, "g5.xlarge", "us-east-1b", 1, 1));
        PreflightCheck zone = reservation(spec().availabilityZone("us-east-1a").build());
        assertThat(zone.status()).isEqualTo(Status.FAIL);
        assertThat(zone.detail()).startsWith("availabilityZone:").contains("us-east-1b", "fixes the zone");
    }

    @Test
    void aReservationThatDoesNotExistFails() {
        PreflightCheck check = reservation(spec().build());

        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.detail()).contains(ID, "does not exist");
    }

    @Test
    void aScheduledCapacityBlockWarnsWithItsStartTime() {
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        aws.capacityReservations().add(Reservation.active(ID, "g5.xlarge", "us-east-1b", 2, 0).withState("scheduled")
                .asCapacityBlock(start, start.plus(Duration.ofDays(1))));

        PreflightCheck check = reservation(spec().build());

        assertThat(check.status()).as(check.detail()).isEqualTo(Status.WARN);
        assertThat(check.detail()).contains("Capacity Block", "starts at " + start);
    }

    @Test
    void theVcpuQuotaIsCountedForEveryNode() {
        aws.serviceQuotas().set(FakeServiceQuotas.G_AND_VT_ON_DEMAND, 64);
        LaunchSpec cluster = spec().capacityReservationId(null).instanceType("g5.12xlarge")
                .cluster(new ClusterSpec(4, 0, EfaMode.AUTO, 30, "t3.medium")).build();

        PreflightCheck quota = check(cluster, "vcpu-quota");

        assertThat(quota.status()).isEqualTo(Status.FAIL);
        assertThat(quota.detail()).contains("192 vCPUs needed (4 nodes × 48)", "64 allowed");
    }

    @Test
    void efaAutoSaysWhatItResolvesToAndOnWithoutSupportWarns() {
        LaunchSpec.Builder cluster = spec().capacityReservationId(null);

        PreflightCheck auto = check(cluster.instanceType("g5.12xlarge").cluster(new ClusterSpec(2, 0, EfaMode.AUTO, 30, "t3.medium")).build(), "efa");
        PreflightCheck autoOff = check(cluster.instanceType("g5.xlarge").build(), "efa");
        PreflightCheck on = check(cluster.instanceType("g5.xlarge").cluster(new ClusterSpec(2, 0, EfaMode.ON, 30, "t3.medium")).build(), "efa");

        assertThat(auto.status()).isEqualTo(Status.PASS);
        assertThat(auto.detail()).contains("auto resolves to on");
        assertThat(autoOff.detail()).contains("auto resolves to off");
        assertThat(on.status()).isEqualTo(Status.WARN);
        assertThat(on.detail()).startsWith("cluster.efa:").contains("does not support EFA");
    }
}
