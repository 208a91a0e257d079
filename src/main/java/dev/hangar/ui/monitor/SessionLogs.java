package dev.hangar.ui.monitor;

import dev.hangar.auth.AwsSession;
import dev.hangar.journal.JournalCorruptException;
import dev.hangar.journal.JournalStore;
import dev.hangar.spec.RunSpec;
import dev.hangar.ui.session.SessionModel;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** The Logs tab's reach: CloudWatch Logs through the app's signed-in session, and the journal for the run's spec. */
final class SessionLogs implements LogsViewModel.Logs {

    private final SessionModel session;
    private final JournalStore journal;

    SessionLogs(SessionModel session, JournalStore journal) {
        this.session = session;
        this.journal = journal;
    }

    @Override
    public CloudWatchLogsClient client(String region) {
        AwsSession current = session.sessionProperty().get(); // a property read off the FX thread: a reference, read once
        if (current == null) {
            throw new IllegalStateException(MonitorEngine.NOT_SIGNED_IN);
        }
        return current.clients().logs(region);
    }

    @Override
    public boolean stopWhenDone(String launchId) {
        try {
            return journal.load(launchId).map(r -> r.spec().run()).map(RunSpec::stopWhenDone).orElse(RunSpec.DEFAULT_STOP_WHEN_DONE);
        } catch (JournalCorruptException e) {
            return RunSpec.DEFAULT_STOP_WHEN_DONE; // the monitor names the damaged file; the logs still follow
        }
    }
}
