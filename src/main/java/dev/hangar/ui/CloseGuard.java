package dev.hangar.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/**
 * What a window's close request does while work runs that closing would kill (the app quits with its last window,
 * and quitting interrupts every background task): close at once when nothing runs; ask first when the work can be
 * cancelled and undone (a launch rolls back); otherwise say what still runs, and close once it has ended.
 * No window needed to test it; {@link CloseGuards} puts it on a stage.
 */
public final class CloseGuard {

    /** What a close request should do now. */
    public enum Decision {
        /** Nothing runs: close as always. */
        CLOSE,
        /** Ask; on {@link #confirmed()} the work is cancelled and the window closes once it has ended. */
        CONFIRM,
        /** Stay open, say what still runs; the window closes once it has ended. */
        WAIT
    }

    /** The work a window runs, as its close request sees it. */
    public interface Work {
        /** True while closing would kill the work. */
        ObservableBooleanValue activeProperty();

        /** Whether closing may cancel the work (which then undoes itself); false: closing can only wait for it. */
        boolean cancellable();

        void cancel();

        /** What still runs, one line, e.g. "Removing what the launch created: 3 of 7 left…". */
        ObservableStringValue stillRunningProperty();
    }

    private final Work work;
    /** A close was decided on and waits for the work to end. */
    private final ReadOnlyBooleanWrapper closing = new ReadOnlyBooleanWrapper();
    private Runnable closeWindow = () -> { };

    public CloseGuard(Work work) {
        this.work = work;
        work.activeProperty().addListener((obs, was, active) -> {
            if (!active && closing.get()) {
                closing.set(false);
                closeWindow.run();
            }
        });
    }

    public Work work() {
        return work;
    }

    /** True from a confirmed (or waiting) close until the work ended and the window was closed. */
    public ReadOnlyBooleanProperty closingProperty() {
        return closing.getReadOnlyProperty();
    }

    /** How the window is closed once the work has ended. */
    public void onClose(Runnable closeWindow) {
        this.closeWindow = closeWindow;
    }

    /** A close request came: what to do with it. */
    public Decision closeRequested() {
        if (!work.activeProperty().get()) {
            return Decision.CLOSE;
        }
        if (!closing.get() && work.cancellable()) {
            return Decision.CONFIRM;
        }
        closing.set(true);
        return Decision.WAIT;
    }

    /** The user confirmed closing: the work is cancelled, and the window closes once it has ended. */
    public void confirmed() {
        if (!work.activeProperty().get()) {
            return; // it ended while the question was open: the window stays and shows how it ended
        }
        closing.set(true);
        work.cancel();
    }
}
