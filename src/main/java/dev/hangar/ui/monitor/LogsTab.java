package dev.hangar.ui.monitor;

import dev.hangar.monitor.LogLine;
import dev.hangar.monitor.RunState;
import dev.hangar.ui.CopyFeedback;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.ScrollEvent;

/**
 * The Logs tab's controls on a {@link LogsViewModel}: the lines in a virtual list (10,000 lines cost no more to show
 * than 20), the list kept at its last line until the researcher scrolls up, the run's state in words above it.
 */
final class LogsTab {

    private static final List<String> STATE_STYLES = List.of("run-ok", "run-busy", "run-failed", "run-muted");

    private final LogsViewModel model;
    private final ListView<LogLine> list;

    LogsTab(LogsViewModel model, ListView<LogLine> list, Label runState, Label status, CheckBox follow, Button copy) {
        this.model = model;
        this.list = list;
        list.setItems(model.lines());
        list.getStyleClass().add("log-list");
        list.setPlaceholder(new Label("No lines yet."));
        list.setCellFactory(v -> new LineCell());
        status.textProperty().bind(model.statusProperty());
        follow.selectedProperty().bindBidirectional(model.autoScrollProperty());
        copy.setOnAction(e -> CopyFeedback.copy(copy, model.text()));
        model.runStateProperty().addListener((obs, was, now) -> showState(runState, now));
        showState(runState, null);
        model.lines().addListener((ListChangeListener<LogLine>) change -> scrollToEnd());
        model.autoScrollProperty().addListener((obs, was, now) -> scrollToEnd());
        // Only the researcher's own scrolling pauses the follow: content growing under the bar must not.
        list.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                model.autoScrollProperty().set(false);
            } else if (e.getDeltaY() < 0) {
                Platform.runLater(() -> {
                    if (atBottom()) {
                        model.autoScrollProperty().set(true);
                    }
                });
            }
        });
    }

    /** After the list has taken the new lines in: scrolled in the same pulse, the list would stop at its old last line. */
    private void scrollToEnd() {
        Platform.runLater(() -> {
            if (model.autoScrollProperty().get() && !model.lines().isEmpty()) {
                list.scrollTo(model.lines().size() - 1);
            }
        });
    }

    private boolean atBottom() {
        return list.lookupAll(".scroll-bar").stream().filter(n -> n instanceof ScrollBar b && b.getOrientation() == Orientation.VERTICAL)
                .map(n -> (ScrollBar) n).allMatch(b -> !b.isVisible() || b.getValue() >= b.getMax() - 1e-6);
    }

    private static void showState(Label label, RunState state) {
        label.getStyleClass().removeAll(STATE_STYLES);
        if (state == null) {
            label.setText("");
            return;
        }
        label.setText("Run: " + state.words());
        label.getStyleClass().add(switch (state.phase()) {
            case SUCCEEDED, STOPPED_WHEN_DONE -> state.exitCode() != null && state.exitCode() != 0 ? "run-failed" : "run-ok";
            case RUNNING, SETTING_UP -> "run-busy";
            case FAILED -> "run-failed";
            default -> "run-muted";
        });
    }

    void show(dev.hangar.monitor.MonitoredInstance selected) {
        model.show(selected);
    }

    void stop() {
        model.stop();
    }

    private static final class LineCell extends ListCell<LogLine> {
        @Override
        protected void updateItem(LogLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().remove("log-state");
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(line.text());
            if (line.state() != null) {
                getStyleClass().add("log-state");
            }
        }
    }
}
