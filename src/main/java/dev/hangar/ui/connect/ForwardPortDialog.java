package dev.hangar.ui.connect;

import dev.hangar.connect.PortForward;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks which of the instance's ports to forward, as {@code REMOTE[:LOCAL]}; what is wrong is said under the field as you type. */
public final class ForwardPortDialog {

    private ForwardPortDialog() {
    }

    /** @return the ports, or empty when cancelled */
    public static Optional<PortForward> ask(Window owner) {
        Dialog<PortForward> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Forward a port");
        dialog.setHeaderText("Which port of the instance should this machine reach?");
        TextField ports = new TextField();
        ports.setId("forwardPortField");
        ports.setPromptText("e.g. 6006, or 6006:16006");
        Label hint = new Label("REMOTE, or REMOTE:LOCAL to use another port here. The port stays open on localhost only while the"
                + " terminal runs.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Label problem = new Label();
        problem.setId("forwardPortProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.setMinHeight(34); // room for the message from the start, so that it never moves the buttons
        ObjectBinding<Object> parsed = Bindings.createObjectBinding(() -> {
            try {
                return PortForward.parse(ports.getText());
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }, ports.textProperty());
        // Nothing typed yet is not an error to shout about.
        problem.textProperty().bind(Bindings.createStringBinding(() -> parsed.get() instanceof String why && !ports.getText().isBlank()
                ? why : "", parsed, ports.textProperty()));
        VBox content = new VBox(8, ports, hint, problem);
        content.setPrefWidth(380);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("forwardPortOk");
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> !(parsed.get() instanceof PortForward), parsed));
        dialog.setResultConverter(button -> button == ButtonType.OK && parsed.get() instanceof PortForward p ? p : null);
        dialog.setOnShown(e -> ports.requestFocus());
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets()); // the window's theme
        }
        return dialog.showAndWait();
    }
}
