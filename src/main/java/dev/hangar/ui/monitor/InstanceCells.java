package dev.hangar.ui.monitor;

import dev.hangar.checklist.Status;
import dev.hangar.monitor.MonitoredInstance;
import dev.hangar.ui.ColumnFit;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/**
 * The monitor table's cells: each column sorts by a typed value (uptime as a duration, cost as a
 * number, drift by severity) but shows its own text, a colour for the state it reports and a tooltip.
 */
final class InstanceCells {

    private InstanceCells() {
    }

    static void text(TableColumn<MonitoredInstance, String> column, Function<MonitoredInstance, String> value,
            Function<MonitoredInstance, String> style, Function<MonitoredInstance, String> tooltip) {
        typed(column, value, i -> MonitorFormats.orNone(value.apply(i)), style, tooltip);
    }

    /** @param style a style class suffix ({@code ok}, {@code warn}, {@code bad}, {@code muted}, {@code untracked}) or null */
    static <T> void typed(TableColumn<MonitoredInstance, T> column, Function<MonitoredInstance, T> value,
            Function<MonitoredInstance, String> text, Function<MonitoredInstance, String> style, Function<MonitoredInstance, String> tooltip) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        ColumnFit.showsText(column, text);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(s -> s.startsWith("cell-"));
                MonitoredInstance i = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (i == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(text.apply(i));
                String s = style.apply(i);
                if (s != null) {
                    getStyleClass().add("cell-" + s);
                }
                String tip = tooltip.apply(i);
                setTooltip(tip == null ? null : new Tooltip(tip));
            }
        });
    }

    static String stateStyle(String state) {
        return switch (state) {
            case "running" -> "ok";
            case "pending", "stopping", "shutting-down", "launching", "rolling-back", "destroying" -> "warn";
            case "terminated", MonitoredInstance.NOT_FOUND, "rollback-incomplete", "destroy-incomplete" -> "bad";
            default -> "muted";
        };
    }

    static String checkStyle(String check) {
        if (check == null) {
            return "muted";
        }
        return switch (check) {
            case "ok" -> "ok";
            case "impaired" -> "bad";
            case "initializing", "insufficient-data" -> "warn";
            default -> "muted";
        };
    }

    static String alarmStyle(MonitoredInstance i) {
        return switch (MonitorFormats.alarm(i.idleAlarm())) {
            case "armed" -> "ok";
            case "idle: stopping" -> "warn";
            case "missing" -> "bad";
            default -> "muted";
        };
    }

    static String driftStyle(MonitoredInstance i) {
        if (!i.running()) {
            return "muted";
        }
        if (i.drift().isEmpty()) {
            return "ok";
        }
        return i.drift().stream().anyMatch(f -> f.status() == Status.FAIL) ? "bad" : "warn";
    }
}
