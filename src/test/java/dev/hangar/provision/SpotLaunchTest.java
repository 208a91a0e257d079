package dev.hangar.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.journal.LaunchState;
import dev.hangar.spec.Market;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.testing.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spot launch survives idle stop and interruptions: a persistent request whose instance stops (disks kept)
 * rather than terminates, and a destroy that cancels the request so nothing launches again.
 */
@ExtendWith(LocalAwsExtension.class)
class SpotLaunchTest {

    @TempDir Path home;

    @Test
    void spotIsAPersistentRequestThatStopsAndIdleStopStopsIt(LocalAws aws) throws Exception {
        EngineFixture f = new EngineFixture(aws, home);
        LaunchOutcome outcome = f.launch(EngineFixture.spec().market(Market.SPOT).idleStopMinutes(30).build());
        assertThat(outcome.succeeded()).as(outcome.message()).isTrue();

        RecordedRequest run = aws.endpoint().requests("ec2", "RunInstances").stream().filter(r -> !r.isDryRun()).findFirst().orElseThrow();
        assertThat(run.param("InstanceMarketOptions.MarketType")).isEqualTo("spot");
        assertThat(run.param("InstanceMarketOptions.SpotOptions.SpotInstanceType")).isEqualTo("persistent");
        assertThat(run.param("InstanceMarketOptions.SpotOptions.InstanceInterruptionBehavior")).isEqualTo("stop");
        assertThat(run.param("InstanceInitiatedShutdownBehavior")).isEqualTo("stop");
        RecordedRequest alarm = aws.endpoint().requests("cloudwatch", "PutMetricAlarm").get(0);
        assertThat(alarm.param("AlarmActions.member.1")).endsWith(":ec2:stop");
    }

    @Test
    void destroyCancelsTheSpotRequestBeforeTheInstanceGoes(LocalAws aws) throws Exception {
        EngineFixture f = new EngineFixture(aws, home);
        LaunchOutcome launched = f.launch(EngineFixture.spec().market(Market.SPOT).build());
        assertThat(launched.succeeded()).as(launched.message()).isTrue();
        aws.endpoint().clearRecord();

        LaunchOutcome destroyed = f.launcher.destroy(f.journal.load(launched.launchId()).orElseThrow(), false, f.events::add);

        assertThat(destroyed.state()).as(destroyed.message()).isEqualTo(LaunchState.DESTROYED);
        List<String> order = aws.endpoint().mutatingRequests().stream().map(RecordedRequest::action).toList();
        assertThat(order).contains("CancelSpotInstanceRequests", "TerminateInstances");
        assertThat(order.indexOf("CancelSpotInstanceRequests")).isLessThan(order.indexOf("TerminateInstances"));
        f.assertNothingLeft(launched.launchId());
    }
}
