package dev.hangar.ui.monitor;

import dev.hangar.ui.CopyFeedback;
import dev.hangar.monitor.MonitoredInstance;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** The selected instance's facts that do not fit the table: addresses, connect command, journal, cost and alarm in full. */
final class InstanceDetails {

    private final GridPane grid;
    private final Map<String, Label> values = new LinkedHashMap<>();
    private final TextField connect = new TextField();

    InstanceDetails(GridPane grid) {
        this.grid = grid;
        grid.setHgap(14);
        grid.setVgap(6);
        int row = 0;
        for (String name : new String[] {"Launch", "Journal", "Region", "Public IP", "Private IP", "Last start", "Cost so far", "Idle stop", "Run"}) {
            Label value = new Label();
            value.setId("detail-" + name.toLowerCase(Locale.ROOT).replace(' ', '-'));
            value.setWrapText(true);
            value.setMinHeight(Label.USE_PREF_SIZE);
            values.put(name, value);
            grid.addRow(row++, label(name), value);
        }
        connect.setId("detail-connect");
        connect.setEditable(false);
        connect.getStyleClass().add("code");
        GridPane.setHgrow(connect, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setOnAction(e -> CopyFeedback.copy(copy, connect.getText()));
        grid.addRow(row, label("Connect"), connect, copy);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    void show(MonitoredInstance i) {
        set("Launch", i.launchId() + (i.createdAt() == null ? "" : ", created " + MonitorFormats.dateTime(i.createdAt())));
        set("Journal", i.inJournal() ? i.stateName() + (i.message() == null ? "" : ": " + i.message()) : i.message());
        set("Region", i.region() + (i.availabilityZone() == null ? "" : " (" + i.availabilityZone() + ")"));
        set("Public IP", MonitorFormats.orNone(i.publicIp()));
        set("Private IP", MonitorFormats.orNone(i.privateIp()));
        set("Last start", MonitorFormats.dateTime(i.launchTime()) + (i.uptime() == null ? "" : ", up " + MonitorFormats.uptime(i.uptime())));
        set("Cost so far", MonitorFormats.cost(i.cost()) + "\n" + MonitorFormats.costDetail(i.cost()));
        set("Idle stop", MonitorFormats.alarm(i.idleAlarm()) + ": " + MonitorFormats.alarmDetail(i.idleAlarm()));
        set("Run", i.run() == null ? "none: the spec has no run" : i.run().words() + " (the Logs tab follows its output)");
        connect.setText(i.connect() == null ? "" : i.connect());
        grid.setDisable(false);
    }

    void clear() {
        values.values().forEach(v -> v.setText(""));
        connect.setText("");
        grid.setDisable(true);
    }

    private void set(String name, String text) {
        values.get(name).setText(text == null ? MonitorFormats.NONE : text);
    }
}
