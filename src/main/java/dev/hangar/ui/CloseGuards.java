package dev.hangar.ui;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Puts a {@link CloseGuard} on a stage: its close request (the close button, or the app's Quit, which requests
 * every window's close) asks, or says what still runs, or closes. The dialogs do not block the FX thread, so the
 * work's progress goes on showing behind them.
 */
public final class CloseGuards {

    /** The question asked before cancelling: what closing does, and the two answers. */
    public record Question(String header, String consequence, String confirm, String keep) {
    }

    private final Stage stage;
    private final CloseGuard guard;
    private final Question question;
    private Dialog<?> open;

    private CloseGuards(Stage stage, CloseGuard guard, Question question) {
        this.stage = stage;
        this.guard = guard;
        this.question = question;
    }

    /** @param question asked when the work can be cancelled; may be null when it never can */
    public static void install(Stage stage, CloseGuard guard, Question question) {
        CloseGuards guards = new CloseGuards(stage, guard, question);
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, guards::closeRequested);
        guard.onClose(stage::close);
        // A question about work that has ended meanwhile no longer applies; the window closes its dialogs with itself.
        guard.work().activeProperty().addListener((obs, was, active) -> {
            if (!active) {
                guards.closeOpenDialog();
            }
        });
    }

    private void closeRequested(WindowEvent e) {
        switch (guard.closeRequested()) {
            case CLOSE -> closeOpenDialog();
            case CONFIRM -> {
                e.consume();
                show(confirmation());
            }
            case WAIT -> {
                e.consume();
                show(stillRunning());
            }
        }
    }

    private Alert confirmation() {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        ButtonType confirm = new ButtonType(question.confirm(), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(question.keep(), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(confirm, keep);
        alert.setHeaderText(question.header());
        alert.setContentText(question.consequence());
        style(alert);
        alert.getDialogPane().lookupButton(confirm).setId("confirmClose");
        alert.getDialogPane().lookupButton(keep).setId("keepRunning");
        ((Button) alert.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true); // Enter keeps the work going
        alert.resultProperty().addListener((obs, old, answer) -> {
            if (answer == confirm) {
                guard.confirmed();
            }
        });
        return alert;
    }

    private Alert stillRunning() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.getDialogPane().setId("stillRunning");
        alert.setHeaderText("Still running — the window closes when it has finished");
        alert.contentTextProperty().bind(guard.work().stillRunningProperty());
        style(alert);
        return alert;
    }

    private void style(Alert alert) {
        alert.initOwner(stage);
        alert.setTitle(stage.getTitle());
        if (stage.getScene() != null) {
            alert.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        }
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE); // the whole text, never cut
        alert.getDialogPane().setPrefWidth(520);
        alert.getButtonTypes().forEach(t -> ((Region) alert.getDialogPane().lookupButton(t)).setMinWidth(Region.USE_PREF_SIZE));
    }

    /** One dialog at a time: a newer close request replaces the one still open. */
    private void show(Dialog<?> dialog) {
        closeOpenDialog();
        open = dialog;
        ChangeListener<Boolean> forget = (obs, was, showing) -> {
            if (!showing && open == dialog) {
                open = null;
            }
        };
        dialog.showingProperty().addListener(forget);
        dialog.show();
    }

    private void closeOpenDialog() {
        if (open != null) {
            Dialog<?> dialog = open;
            open = null;
            dialog.close();
        }
    }
}
