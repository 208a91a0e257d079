package dev.hangar.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.testing.FakeCapacityReservations.Reservation;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-node launch into a capacity reservation: RunInstances targets it (a Capacity Block as its own market too), in the
 * reservation's zone; a reservation that cannot take the instance stops the launch before anything is created.
 */
@ExtendWith(LocalAwsExtension.class)
class ReservedLaunchTest {

    private static final String RESERVATION = "cr-0123456789abcdef0";

    @TempDir Path home;

    @Test
    void anOnDemandReservationIsTargetedInItsZone(LocalAws aws) throws Exception {
        aws.capacityReservations().add(Reservation.active(RESERVATION, "g5.xlarge", "us-east-1c", 2, 2));
        EngineFixture f = new EngineFixture(aws, home);

        LaunchOutcome outcome = f.launch(EngineFixture.spec().capacityReservationId(RESERVATION).build());

        assertThat(outcome.succeeded()).as(outcome.message()).isTrue();
        RecordedRequest run = realRunInstances(aws);
        assertThat(run.param("CapacityReservationSpecification.CapacityReservationTarget.CapacityReservationId")).isEqualTo(RESERVATION);
        assertThat(run.param("CapacityReservationSpecification.CapacityReservationPreference")).isNull();
        assertThat(run.param("InstanceMarketOptions.MarketType")).isNull();
        assertThat(run.param("Placement.AvailabilityZone")).isEqualTo("us-east-1c");
    }

    @Test
    void aCapacityBlockIsAlsoItsOwnMarket(LocalAws aws) throws Exception {
        Instant now = Instant.now();
        aws.capacityReservations().add(Reservation.active(RESERVATION, "g5.xlarge", "us-east-1b", 1, 1)
                .asCapacityBlock(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))));
        EngineFixture f = new EngineFixture(aws, home);

        LaunchOutcome outcome = f.launch(EngineFixture.spec().capacityReservationId(RESERVATION).build());

        assertThat(outcome.succeeded()).as(outcome.message()).isTrue();
        RecordedRequest run = realRunInstances(aws);
        assertThat(run.param("CapacityReservationSpecification.CapacityReservationTarget.CapacityReservationId")).isEqualTo(RESERVATION);
        assertThat(run.param("InstanceMarketOptions.MarketType")).isEqualTo("capacity-block");
        assertThat(run.param("Placement.AvailabilityZone")).isEqualTo("us-east-1b");
    }

    @Test
    void anExpiredReservationStopsTheLaunchBeforeAnythingIsCreated(LocalAws aws) throws Exception {
        aws.capacityReservations().add(Reservation.active(RESERVATION, "g5.xlarge", "us-east-1a", 1, 1)
                .withState("expired").endingAt(Instant.now().minus(Duration.ofHours(2))));
        EngineFixture f = new EngineFixture(aws, home);

        LaunchOutcome outcome = f.launch(EngineFixture.spec().capacityReservationId(RESERVATION).build());

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message()).contains("capacityReservationId", RESERVATION, "ended");
        assertThat(aws.endpoint().requests("ec2", "RunInstances")).isEmpty();
        assertThat(aws.endpoint().requests("iam", "CreateRole")).isEmpty();
    }

    private static RecordedRequest realRunInstances(LocalAws aws) {
        return aws.endpoint().requests("ec2", "RunInstances").stream().filter(r -> !r.isDryRun()).findFirst().orElseThrow();
    }
}
