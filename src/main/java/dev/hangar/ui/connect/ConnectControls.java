package dev.hangar.ui.connect;

import dev.hangar.connect.ConnectPurpose;
import dev.hangar.ui.CopyFeedback;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * The connect buttons of a view (the Done step's, the monitor's) bound to its {@link ConnectViewModel}: disabled with
 * the reason shown beside them until Session Manager reaches the instance (a disabled button shows no tooltip, so the
 * reason is a label), each opening a terminal; polling stops when the view's window is hidden.
 *
 * @param reason     why the buttons are disabled, or that they are ready
 * @param checkAgain shown once the checks gave up
 * @param status     what the last button did, or why it could not (with the command to run by hand)
 */
public record ConnectControls(Button shell, Button jupyter, Button forward, Button copySshHost, Button addSshConfig, Label reason,
                              ButtonBase checkAgain, Label status) {

    static final String READY = "Online in Session Manager: the first three buttons open a terminal running hangar connect; the SSH host"
            + " works with ssh, scp, rsync and VS Code Remote-SSH.";

    public void bind(ConnectViewModel model) {
        for (Button b : List.of(shell, jupyter, forward, copySshHost, addSshConfig)) {
            b.disableProperty().bind(model.readyProperty().not());
            b.accessibleHelpProperty().bind(model.blockedReasonProperty());
        }
        shell.setOnAction(e -> model.open(ConnectPurpose.shell()));
        jupyter.setOnAction(e -> model.open(ConnectPurpose.jupyter()));
        forward.setOnAction(e -> ForwardPortDialog.ask(window(forward)).ifPresent(p -> model.open(ConnectPurpose.forward(p))));
        copySshHost.setOnAction(e -> model.copySshHost(text -> CopyFeedback.copy(copySshHost, text)));
        addSshConfig.setOnAction(e -> model.addToSshConfig());
        // Always shown, so that the lines below do not move when the instance comes online.
        reason.textProperty().bind(Bindings.when(model.readyProperty()).then(READY).otherwise(model.blockedReasonProperty()));
        checkAgain.setOnAction(e -> model.checkAgain());
        showOnlyWhen(checkAgain, model.gaveUpProperty());
        status.textProperty().bind(model.statusProperty());
        showOnlyWhen(status, model.statusProperty().isNotEmpty());
        model.statusIsErrorProperty().addListener((obs, was, error) -> {
            status.getStyleClass().removeAll("field-error", "hint");
            status.getStyleClass().add(error ? "field-error" : "hint");
        });
        status.getStyleClass().add("hint");
        ObservableValue<Boolean> showing = shell.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
        showing.addListener((obs, was, now) -> {
            if (!now) {
                model.close();
            }
        });
    }

    private static void showOnlyWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(() -> Boolean.TRUE.equals(condition.getValue()), condition));
        node.managedProperty().bind(node.visibleProperty());
    }

    private static Window window(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }
}
