package dev.hangar.ui.monitor;

import dev.hangar.monitor.MonitoredInstance;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The confirmation each action asks for, saying what it costs and what it keeps. */
final class ActionDialogs {

    /** What destroy should keep. */
    record DestroyChoice(boolean keepDataVolume, boolean snapshotFirst) {
    }

    private ActionDialogs() {
    }

    /** Stop, start or reboot: true when confirmed. */
    static boolean confirm(Window owner, MonitorAction action, MonitoredInstance i) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        ButtonType go = new ButtonType(action.label(), ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(go, ButtonType.CANCEL);
        alert.setTitle(action.label() + " " + i.name());
        alert.setHeaderText(action.label() + " " + i.name() + " (" + i.instanceId() + ")?");
        alert.setContentText(switch (action) {
            case STOP -> "Compute stops being charged. Its disks are kept, and charged for storage until you destroy it. "
                    + "Started again, it gets a new public IP; Hangar updates the connect command.";
            case START -> "Compute is charged again from now, by the second, until it stops (or the idle-stop alarm stops it).";
            case REBOOT -> "Whatever runs on it is killed; the machine restarts within a minute or two and keeps its disks and addresses.";
            case DESTROY -> throw new IllegalArgumentException("destroy has its own dialog");
        });
        style(alert, owner, go);
        return alert.showAndWait().filter(go::equals).isPresent();
    }

    /** Destroy, with what to keep of the data; empty when cancelled. */
    static Optional<DestroyChoice> destroy(Window owner, MonitoredInstance i) {
        Dialog<DestroyChoice> dialog = new Dialog<>();
        ButtonType go = new ButtonType("Destroy", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(go, ButtonType.CANCEL);
        dialog.setTitle("Destroy " + i.name());
        dialog.setHeaderText("Destroy launch " + i.launchId() + " (" + i.name() + ")?");
        Label what = new Label("Removes everything the launch created: the instance and its disks, the security group, the IAM role and "
                + "instance profile, the idle-stop alarm" + " and, if Hangar made one, the key pair. This cannot be undone.");
        what.setWrapText(true);
        CheckBox keep = new CheckBox("Keep the data volume (it stays, unattached, and is charged until you delete it)");
        keep.setId("keepDataVolume");
        CheckBox snapshot = new CheckBox("Snapshot the data volume first (the snapshot is kept, tagged hangar:snapshot-of; "
                + "if it fails nothing is destroyed)");
        snapshot.setId("snapshotFirst");
        keep.setWrapText(true);
        snapshot.setWrapText(true);
        VBox content = new VBox(12, what, keep, snapshot);
        content.setPrefWidth(480);
        dialog.getDialogPane().setContent(content);
        dialog.setResultConverter(b -> b == go ? new DestroyChoice(keep.isSelected(), snapshot.isSelected()) : null);
        style(dialog, owner, go);
        return dialog.showAndWait();
    }

    /** The monitor's look (theme included), and an ID on the confirming button for tests and screen readers. */
    private static void style(Dialog<?> dialog, Window owner, ButtonType go) {
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
                dialog.getDialogPane().getStylesheets().add(MonitorWindow.STYLESHEET);
            }
        }
        dialog.getDialogPane().lookupButton(go).setId("confirmAction");
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancelAction");
    }
}
