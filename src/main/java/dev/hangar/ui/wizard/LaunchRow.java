package dev.hangar.ui.wizard;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One line of the launch list: a plan step, the rollback's heading, or one resource the rollback removed. */
final class LaunchRow {

    enum State {
        PENDING("○"), RUNNING("◔"), WAITING("◔"), DONE("✓"), FAILED("✗"), SKIPPED("–"),
        ROLLBACK("↺"), REMOVED("↺"), KEPT("•"), REMOVAL_FAILED("!");

        final String symbol;

        State(String symbol) {
            this.symbol = symbol;
        }
    }

    private final String id;
    private final String title;
    private final ObjectProperty<State> state;
    private final StringProperty detail = new SimpleStringProperty("");

    LaunchRow(String id, String title, State initial) {
        this.id = id;
        this.title = title;
        this.state = new SimpleObjectProperty<>(initial);
    }

    String id() { return id; }
    String title() { return title; }
    ObjectProperty<State> stateProperty() { return state; }
    State state() { return state.get(); }
    StringProperty detailProperty() { return detail; }
    String detail() { return detail.get(); }

    void set(State s, String d) {
        state.set(s);
        detail.set(d == null ? "" : d);
    }
}
