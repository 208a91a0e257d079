package dev.hangar.ui.monitor;

import dev.hangar.auth.AwsSession;
import dev.hangar.checklist.Finding;
import dev.hangar.journal.JournalCorruptException;
import dev.hangar.monitor.MetricWindow;
import dev.hangar.monitor.MonitorQuery;
import dev.hangar.monitor.MonitorSnapshot;
import dev.hangar.monitor.MonitoredCluster;
import dev.hangar.monitor.MonitoredInstance;
import dev.hangar.ui.concurrent.TaskExecutor;
import dev.hangar.ui.connect.ConnectControls;
import dev.hangar.ui.connect.ConnectTarget;
import dev.hangar.ui.connect.ConnectViewModel;
import dev.hangar.ui.FindingCell;
import dev.hangar.ui.session.SessionModel;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.concurrent.Worker;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The monitor: every launch of the journal and every instance tagged by Hangar that it lacks, with live
 * state, checks, uptime, cost, idle stop and drift; the selected one's charts, drift and details; and
 * its actions. Refreshes run on the {@link MonitorRefresher}'s thread, actions on the task executor:
 * the FX thread only shows what they bring.
 */
public final class MonitorController {

    /** How often the monitor reads AWS; CloudWatch's detailed monitoring has one point a minute. */
    static final Duration PERIOD = Duration.seconds(60);
    static final Duration FIRST_RETRY = Duration.seconds(10);
    static final Duration MAX_BACKOFF = Duration.minutes(10);

    private final SessionModel session;
    private final ObservableStringValue region;
    private final MonitorEngine engine;
    private final MonitorRefresher refresher;
    private final ActionRunner actions;
    private final ConnectViewModel connect;
    private final ObservableList<MonitoredInstance> rows = FXCollections.observableArrayList();
    private final FilteredList<MonitoredInstance> shown = new FilteredList<>(rows);
    private final ReadOnlyObjectWrapper<MonitorSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    static final String READING = "Reading your launches and their instances…";
    static final String NOTHING_LAUNCHED = "No launches yet. Launch one with the wizard; it shows here.";
    static final String NOT_READ = "Your launches could not be read yet: see the line above.";
    private final Label placeholder = new Label(READING);
    private final ObjectProperty<MetricWindow> window = new SimpleObjectProperty<>(MetricWindow.LAST_HOUR);
    private final ChangeListener<AwsSession> sessionChanged = (obs, old, now) -> refreshNow();
    /** The row to keep selected across refreshes (rows are new objects each time): "launch:<id>" or "instance:<id>". */
    private String selectedKey;
    private boolean replacingRows;
    private final ClusterRows clusterRows = new ClusterRows();

    @FXML private Label summary;
    @FXML private CheckBox showEnded;
    @FXML private ToggleGroup windowGroup;
    @FXML private ProgressIndicator refreshing;
    @FXML private Label errorLine;
    @FXML private Label problemsLine;
    @FXML private TableView<MonitoredInstance> table;
    @FXML private TableColumn<MonitoredInstance, String> nameColumn;
    @FXML private TableColumn<MonitoredInstance, String> instanceColumn;
    @FXML private TableColumn<MonitoredInstance, String> typeColumn;
    @FXML private TableColumn<MonitoredInstance, String> zoneColumn;
    @FXML private TableColumn<MonitoredInstance, String> stateColumn;
    @FXML private TableColumn<MonitoredInstance, String> systemColumn;
    @FXML private TableColumn<MonitoredInstance, String> instanceCheckColumn;
    @FXML private TableColumn<MonitoredInstance, java.time.Duration> uptimeColumn;
    @FXML private TableColumn<MonitoredInstance, Double> costColumn;
    @FXML private TableColumn<MonitoredInstance, String> alarmColumn;
    @FXML private TableColumn<MonitoredInstance, Integer> driftColumn;
    @FXML private VBox detailPane;
    @FXML private Label selectedTitle;
    @FXML private ComboBox<MonitoredCluster.Node> nodeChoice;
    @FXML private Button stopButton;
    @FXML private Button startButton;
    @FXML private Button rebootButton;
    @FXML private Button destroyButton;
    @FXML private Button connectShellButton;
    @FXML private Button connectJupyterButton;
    @FXML private Button connectForwardButton;
    @FXML private Button connectCopySshButton;
    @FXML private Button connectAddSshButton;
    @FXML private Label connectReasonLine;
    @FXML private Button connectCheckAgain;
    @FXML private Label connectStatusLine;
    @FXML private ProgressIndicator actionProgress;
    @FXML private Label actionLog;
    @FXML private GridPane chartGrid;
    @FXML private Tab driftTab;
    @FXML private Tab logsTab;
    @FXML private ListView<dev.hangar.monitor.LogLine> logList;
    @FXML private Label runStateLine;
    @FXML private Label logStatus;
    @FXML private CheckBox followLogs;
    @FXML private Button copyLogs;
    private final LogsViewModel logsModel;
    private LogsTab logs;
    @FXML private ListView<Finding> driftList;
    @FXML private GridPane detailsGrid;
    private MetricCharts charts;
    private InstanceDetails details;

    /**
     * @param connect the connect buttons' state, for the selected launch
     * @param logs    the Logs tab's follower, for the selected launch while the tab is open
     */
    MonitorController(SessionModel session, ObservableStringValue region, MonitorEngine engine, TaskExecutor executor,
            ConnectViewModel connect, LogsViewModel logs) {
        this.session = session;
        this.logsModel = logs;
        this.connect = connect;
        this.region = region;
        this.engine = engine;
        this.actions = new ActionRunner(engine, executor);
        this.refresher = new MonitorRefresher(this::nextRefresh, PERIOD, FIRST_RETRY, MAX_BACKOFF, this::show, this::failed);
    }

    @FXML
    private void initialize() {
        charts = new MetricCharts(chartGrid, ZoneId.systemDefault());
        details = new InstanceDetails(detailsGrid);
        logs = new LogsTab(logsModel, logList, runStateLine, logStatus, followLogs, copyLogs);
        // Calls only while the tab is open: a follow is a call every few seconds.
        logsTab.selectedProperty().addListener((obs, was, open) -> {
            if (open) {
                logs.show(selected());
            } else {
                logs.stop();
            }
        });
        columns();
        SortedList<MonitoredInstance> sorted = new SortedList<>(shown);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        dev.hangar.ui.ColumnFit.install(table); // at the window's minimum the table scrolls sideways rather than cut an ID or a status
        // Until the first refresh has answered, an empty table means "not read yet", not "nothing launched".
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!replacingRows) {
                selectedKey = row == null ? null : key(row);
                showSelected();
            }
        });
        showEnded.selectedProperty().addListener((obs, was, now) -> {
            filter();
            reselect();
        });
        filter();
        windowGroup.getToggles().forEach(t -> {
            if (MetricWindow.parse((String) t.getUserData()) == window.get()) {
                windowGroup.selectToggle(t);
            }
        });
        windowGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                windowGroup.selectToggle(old); // one window is always chosen
                return;
            }
            window.set(MetricWindow.parse((String) now.getUserData()));
            refreshNow();
        });
        driftList.setCellFactory(list -> new FindingCell(f -> { }));
        nodeChoice.managedProperty().bind(nodeChoice.visibleProperty());
        nodeChoice.setVisible(false);
        nodeChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(MonitoredCluster.Node n) {
                return n == null ? "" : (n.headNode() ? "head node" : "compute" + (n.queue() == null ? "" : " (" + n.queue() + ")"))
                        + " · " + n.instance().instanceId();
            }

            @Override
            public MonitoredCluster.Node fromString(String s) {
                return null;
            }
        });
        nodeChoice.valueProperty().addListener((obs, old, node) -> showNode(node));
        new ConnectControls(connectShellButton, connectJupyterButton, connectForwardButton, connectCopySshButton, connectAddSshButton,
                connectReasonLine, connectCheckAgain,
                connectStatusLine).bind(connect);
        // Not runningProperty: a ScheduledService counts as running while it waits for the next round.
        refreshing.visibleProperty().bind(Bindings.createBooleanBinding(() -> refresher.getState() == Worker.State.RUNNING,
                refresher.stateProperty()));
        errorLine.managedProperty().bind(errorLine.visibleProperty());
        errorLine.setVisible(false);
        problemsLine.managedProperty().bind(problemsLine.visibleProperty());
        problemsLine.setVisible(false);
        actionProgress.visibleProperty().bind(actions.runningProperty());
        actionProgress.managedProperty().bind(actions.runningProperty());
        actions.runningProperty().addListener((obs, was, now) -> updateButtons());
        actionLog.textProperty().bind(actions.lineProperty());
        actions.succeededProperty().addListener((obs, was, ok) -> {
            actionLog.getStyleClass().removeAll("log-ok", "log-failed");
            if (ok != null) {
                actionLog.getStyleClass().add(ok ? "log-ok" : "log-failed");
            }
        });
        summary.setText("Reading the journal and AWS…");
        showSelected();
    }

    /** Starts refreshing; called once the view is on screen. */
    void startRefreshing() {
        session.sessionProperty().addListener(sessionChanged);
        refresher.start();
        table.requestFocus(); // the arrow keys move through the instances at once
    }

    /** Stops refreshing; an action under way finishes in the background and leaves the journal right. */
    /** The running instance action, which the window's close request waits for. */
    ActionRunner actions() {
        return actions;
    }

    void close() {
        logsModel.close();
        session.sessionProperty().removeListener(sessionChanged);
        refresher.close();
        connect.close();
    }

    /** Selects this launch once it is listed (the Done step opens the monitor on the launch just made). */
    void select(String launchId) {
        selectedKey = "launch:" + launchId;
        reselect();
    }

    ReadOnlyObjectProperty<MonitorSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    MonitorRefresher refresher() {
        return refresher;
    }

    @FXML
    void refresh() {
        refreshNow();
    }

    private void refreshNow() {
        refresher.refreshNow();
    }

    /** On the FX thread: what to read, with the session of the moment; the returned call blocks on the monitor's thread. */
    private Callable<MonitorSnapshot> nextRefresh() {
        AwsSession current = session.sessionProperty().get();
        // The wizard's region too, for instances tagged by Hangar that this journal does not know.
        String extra = region.get();
        Set<String> regions = current == null || extra == null || extra.isBlank() ? Set.of() : Set.of(extra);
        MonitorQuery query = MonitorQuery.all().withRegions(regions).withMetrics(window.get());
        return () -> engine.refresh(current, query);
    }

    private void show(MonitorSnapshot s) {
        snapshot.set(s);
        placeholder.setText(NOTHING_LAUNCHED);
        errorLine.setVisible(false);
        replacingRows = true;
        try {
            List<MonitoredInstance> all = new ArrayList<>(s.instances());
            all.addAll(clusterRows.rows(s.clusters()));
            rows.setAll(all);
        } finally {
            replacingRows = false;
        }
        reselect();
        long running = rows.stream().filter(MonitoredInstance::running).count();
        long ended = s.instances().stream().filter(MonitorController::ended).count();
        double cost = rows.stream().filter(i -> i.cost() != null && i.cost().total() != null).mapToDouble(i -> i.cost().total()).sum();
        summary.setText(running + " running · " + MonitorFormats.usd(cost) + " so far"
                + (ended == 0 ? "" : " · " + ended + " ended") + " · read at " + MonitorFormats.clock(s.takenAt())
                + ", every " + (int) PERIOD.toSeconds() + " s");
        List<String> problems = new ArrayList<>();
        s.problems().forEach(p -> problems.add("Could not read " + p));
        s.corruptJournal().forEach((JournalCorruptException e) -> problems.add(e.getMessage()));
        problemsLine.setText(String.join("\n", problems));
        problemsLine.setVisible(!problems.isEmpty());
    }

    /** The last data stays on screen; the line says since when and when the next try is. */
    private void failed(Throwable e, Duration retryIn) {
        MonitorSnapshot last = snapshot.get();
        errorLine.setText("Refresh failed: " + MonitorFormats.reason(e) + ". "
                + (last == null ? "" : "Showing what was read at " + MonitorFormats.clock(last.takenAt()) + ". ")
                + "Next try in " + Math.round(retryIn.toSeconds()) + " s.");
        errorLine.setVisible(true);
        if (last == null) {
            summary.setText("");
            placeholder.setText(NOT_READ);
        }
    }

    /** Ended launches (destroyed, rolled back) only on demand; the selected one stays, so a destroy shows its end. */
    private void filter() {
        boolean all = showEnded.isSelected();
        shown.setPredicate(i -> all || !ended(i) || key(i).equals(selectedKey));
    }

    private static boolean ended(MonitoredInstance i) {
        return i.inJournal() && i.launchState() != null && !i.launchState().mayHoldResources();
    }

    /** Selects the remembered row in the new data; once data is there and it is not (or none was), the first one. */
    private void reselect() {
        replacingRows = true;
        try {
            MonitoredInstance row = table.getItems().stream().filter(i -> key(i).equals(selectedKey)).findFirst()
                    .orElse(snapshot.get() != null && !table.getItems().isEmpty() ? table.getItems().get(0) : null);
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(row);
                selectedKey = key(row);
            }
        } finally {
            replacingRows = false;
        }
        showSelected();
    }

    private MonitoredInstance selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    private void showSelected() {
        MonitoredInstance i = selected();
        updateButtons();
        MonitorSnapshot s = snapshot.get();
        if (i == null) {
            selectedTitle.setText(s == null ? "" : "Select an instance to see its charts, drift and details.");
            charts.clear(s == null ? "Reading…" : "No instance selected");
            driftList.getItems().clear();
            driftTab.setText("Drift");
            details.clear();
            if (logsTab.isSelected()) {
                logs.show(null);
            }
            return;
        }
        MonitoredCluster cluster = clusterRows.clusterOf(i);
        nodeChoice.setVisible(cluster != null);
        if (cluster != null) {
            selectedTitle.setText(cluster.name() + "  ·  AWS ParallelCluster  ·  " + cluster.nodes().size() + " nodes  ·  " + cluster.state());
            showCluster(cluster);
            return;
        }
        selectedTitle.setText(i.name() + "  ·  " + MonitorFormats.orNone(i.instanceId()) + "  ·  " + MonitorFormats.state(i)
                + MonitorFormats.stopReason(i).map(why -> " (" + why + ")").orElse("")
                + (i.inJournal() ? "" : "  ·  not in this machine's journal"));
        if (logsTab.isSelected()) {
            logs.show(i);
        }
        charts.show(i, s.query().metrics() == null ? window.get() : s.query().metrics(), s.takenAt());
        driftList.getItems().setAll(i.drift());
        driftList.setPlaceholder(new Label(MonitorFormats.driftDetail(i)));
        driftTab.setText(i.drift().isEmpty() ? "Drift" : "Drift (" + i.drift().size() + ")");
        details.show(i);
    }

    /** The node chooser keeps the node chosen before (by instance ID) across refreshes; a compute node first, for its GPUs. */
    private void showCluster(MonitoredCluster cluster) {
        String before = nodeChoice.getValue() == null ? null : nodeChoice.getValue().instance().instanceId();
        MonitoredCluster.Node pick = cluster.nodes().stream().filter(n -> n.instance().instanceId().equals(before)).findFirst()
                .orElse(cluster.computeNodes().isEmpty() ? cluster.nodes().get(0) : cluster.computeNodes().get(0));
        nodeChoice.getItems().setAll(cluster.nodes());
        nodeChoice.setValue(pick);
        showNode(pick);
        driftList.getItems().clear();
        driftList.setPlaceholder(new Label("ParallelCluster's nodes are not audited for drift: their settings are ParallelCluster's."));
        driftTab.setText("Drift");
    }

    private void showNode(MonitoredCluster.Node node) {
        MonitorSnapshot s = snapshot.get();
        if (node == null || s == null || clusterRows.clusterOf(selected()) == null) {
            return;
        }
        charts.show(node.instance(), s.query().metrics() == null ? window.get() : s.query().metrics(), s.takenAt());
        details.show(node.instance());
    }

    private void updateButtons() {
        MonitoredInstance i = selected();
        for (Map.Entry<Button, MonitorAction> b : Map.of(stopButton, MonitorAction.STOP, startButton, MonitorAction.START,
                rebootButton, MonitorAction.REBOOT, destroyButton, MonitorAction.DESTROY).entrySet()) {
            String why = b.getValue().whyNot(i);
            b.getKey().setDisable(actions.runningProperty().get() || why != null);
            b.getKey().setTooltip(why == null ? null : new Tooltip(why));
        }
        // The same target again (a refresh brings new row objects) keeps the checks, or the answer, as they are.
        String noConnect = ConnectGate.whyNot(i);
        if (noConnect == null) {
            connect.watch(new ConnectTarget(i.launchId(), i.instanceId(), i.region()));
        } else {
            connect.unavailable(noConnect);
        }
    }

    @FXML
    void stop() {
        act(MonitorAction.STOP);
    }

    @FXML
    void start() {
        act(MonitorAction.START);
    }

    @FXML
    void reboot() {
        act(MonitorAction.REBOOT);
    }

    @FXML
    void destroy() {
        act(MonitorAction.DESTROY);
    }

    /** Confirms, then runs the action off the FX thread; a refresh follows, to show what it changed. */
    private void act(MonitorAction action) {
        MonitoredInstance i = selected();
        if (i != null) {
            actions.run(table.getScene().getWindow(), action, i, session.sessionProperty().get(), this::refreshNow);
        }
    }

    // The table

    private void columns() {
        InstanceCells.text(nameColumn, i -> (i.name() == null ? "?" : i.name()) + (i.inJournal() ? "" : " (not in journal)"),
                i -> i.inJournal() ? null : "untracked",
                i -> "Launch " + i.launchId() + " · " + i.stateName() + (i.message() == null ? "" : "\n" + i.message()));
        InstanceCells.text(instanceColumn, MonitoredInstance::instanceId, i -> null, MonitoredInstance::region);
        InstanceCells.text(typeColumn, MonitoredInstance::instanceType, i -> null, i -> null);
        InstanceCells.text(zoneColumn, MonitoredInstance::availabilityZone, i -> null, i -> null);
        InstanceCells.text(stateColumn, MonitorFormats::state, i -> InstanceCells.stateStyle(MonitorFormats.state(i)),
                i -> i.inJournal() ? "Journal: " + i.stateName() : null);
        InstanceCells.text(systemColumn, MonitoredInstance::systemStatus, i -> InstanceCells.checkStyle(i.systemStatus()),
                i -> "System status check: AWS's hardware and network");
        InstanceCells.text(instanceCheckColumn, MonitoredInstance::instanceStatus, i -> InstanceCells.checkStyle(i.instanceStatus()),
                i -> "Instance status check: the operating system answers");
        InstanceCells.typed(uptimeColumn, MonitoredInstance::uptime, i -> MonitorFormats.uptime(i.uptime()), i -> null,
                i -> i.launchTime() == null ? null : "Last start " + MonitorFormats.dateTime(i.launchTime()));
        InstanceCells.typed(costColumn, i -> i.cost() == null ? null : i.cost().total() != null ? i.cost().total() : i.cost().storage(),
                i -> MonitorFormats.cost(i.cost()), i -> null, i -> MonitorFormats.costDetail(i.cost()));
        InstanceCells.text(alarmColumn, i -> MonitorFormats.alarm(i.idleAlarm()), InstanceCells::alarmStyle,
                i -> MonitorFormats.alarmDetail(i.idleAlarm()));
        InstanceCells.typed(driftColumn, MonitorFormats::driftRank, MonitorFormats::drift, InstanceCells::driftStyle, MonitorFormats::driftDetail);
    }

    private String key(MonitoredInstance i) {
        MonitoredCluster cluster = clusterRows.clusterOf(i);
        return cluster != null ? ClusterRows.key(cluster) : i.inJournal() ? "launch:" + i.launchId() : "instance:" + i.instanceId();
    }
}
