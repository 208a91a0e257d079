package dev.hangar.ui.monitor;

import dev.hangar.auth.AwsProfiles;
import dev.hangar.auth.AwsSession;
import dev.hangar.auth.SessionOpener;
import dev.hangar.monitor.MonitorSnapshot;
import dev.hangar.monitor.MonitoredInstance;
import dev.hangar.provision.Pacing;
import dev.hangar.testing.LocalAws;
import dev.hangar.ui.concurrent.FxTaskExecutor;
import dev.hangar.ui.connect.ConnectServices;
import dev.hangar.ui.wizard.Screenshots;
import dev.hangar.ui.session.SessionModel;
import dev.hangar.ui.wizard.WizardServices;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.concurrent.Worker;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.profiles.ProfileFile;

/** Opens the monitor on the local endpoint, signed in, and drives it as a person would. */
final class MonitorDriver implements AutoCloseable {

    final FxRobot robot;
    final Stage stage;
    final SessionModel session = new SessionModel();
    final FxTaskExecutor executor = new FxTaskExecutor();
    final MonitorWindow window;

    MonitorDriver(FxRobot robot, Stage stage, LocalAws aws, Path home) {
        this(robot, stage, aws, home, ConnectServices.unavailable());
    }

    /** @param connect the terminal and Session Manager checks behind the connect buttons */
    MonitorDriver(FxRobot robot, Stage stage, LocalAws aws, Path home, ConnectServices connect) {
        this(robot, stage, aws, home, connect, dev.hangar.monitor.RunLogs.MAX_PAGE);
    }

    /** @param logPageSize events per GetLogEvents call of the Logs tab: a few, to read across pages */
    MonitorDriver(FxRobot robot, Stage stage, LocalAws aws, Path home, ConnectServices connect, int logPageSize) {
        this.robot = robot;
        this.stage = stage;
        session.settingsProperty().set(aws.settings());
        // As the Account step leaves it after signing in; the test's clients are closed by the extension, not here.
        session.sessionProperty().set(new AwsSession(aws.clients(), LocalAws.ACCOUNT_ID, "arn:aws:iam::" + LocalAws.ACCOUNT_ID + ":user/researcher"));
        window = new MonitorWindow(new MonitorServices(executor, new dev.hangar.engine.EngineServices(home, Pacing.fast(), Clock.systemUTC()),
                session, new javafx.beans.property.SimpleStringProperty(LocalAws.REGION), connect), logPageSize);
        robot.interact(() -> window.showIn(stage, null));
    }

    static WizardServices services(FxTaskExecutor executor, LocalAws aws, Path home) {
        return new WizardServices(executor, new SessionOpener(aws::clients), new AwsProfiles(ProfileFile.aggregator().build()),
                () -> Optional.of("203.0.113.7"), (owner, title, name) -> Optional.empty(),
                new dev.hangar.engine.EngineServices(home, Pacing.fast(), Clock.systemUTC()), home.resolve(".ssh/config"));
    }

    MonitorController controller() {
        return window.controller();
    }

    MonitorSnapshot snapshot() {
        return onFx(() -> controller().snapshotProperty().get());
    }

    /** Waits for a snapshot other than {@code before}, and for the refresher to be idle again. */
    MonitorSnapshot nextSnapshot(MonitorSnapshot before) {
        waitUntil(() -> {
            MonitorSnapshot now = controller().snapshotProperty().get();
            return now != null && now != before && controller().refresher().getState() != Worker.State.RUNNING;
        }, "a refresh");
        return snapshot();
    }

    /** Waits until the latest snapshot's row of this instance satisfies the condition. */
    MonitoredInstance awaitRow(String instanceId, java.util.function.Predicate<MonitoredInstance> condition, String what) {
        waitUntil(() -> {
            MonitorSnapshot s = controller().snapshotProperty().get();
            return s != null && s.instance(instanceId).filter(condition).isPresent();
        }, what);
        return snapshot().instance(instanceId).orElseThrow();
    }

    void awaitIdle() {
        waitUntil(() -> controller().snapshotProperty().get() != null && controller().refresher().getState() == Worker.State.SCHEDULED,
                "the refresher to wait for its next round");
    }

    @SuppressWarnings("unchecked")
    TableView<MonitoredInstance> table() {
        return robot.lookup("#instanceTable").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    LineChart<Number, Number> chart(String id) {
        return robot.lookup("#" + id).queryAs(LineChart.class);
    }

    Button button(String id) {
        return robot.lookup("#" + id).queryButton();
    }

    String text(String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    /** The text the table shows in a column for the row of this instance. */
    String cell(String columnId, String instanceId) {
        return onFx(() -> robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId()) && c.getTableRow() != null
                        && c.getTableRow().getItem() instanceof MonitoredInstance i && instanceId.equals(i.instanceId()))
                .map(c -> c.getText()).findFirst().orElse(null));
    }

    /** Confirms the dialog an action opened. */
    void confirm() {
        waitUntil(() -> robot.lookup("#confirmAction").tryQuery().isPresent(), "the confirmation dialog");
        robot.clickOn("#confirmAction");
    }

    void screenshot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, stage.getScene(), name);
    }

    static <T> T onFx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void waitUntil(Callable<Boolean> condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void close() {
        robot.interact(stage::hide);
        executor.close();
    }
}
