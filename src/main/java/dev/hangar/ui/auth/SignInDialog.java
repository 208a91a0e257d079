package dev.hangar.ui.auth;

import dev.hangar.auth.AwsFiles;
import dev.hangar.auth.IdentityCenter;
import dev.hangar.ui.Views;
import dev.hangar.ui.concurrent.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The "Sign in with IAM Identity Center" window, modal over the wizard: start URL and region, then the code to
 * approve with the page opened in the browser (and both shown, with copy buttons, for when no browser opens),
 * then the account and role. Closing it stops a sign-in that is still waiting.
 */
public final class SignInDialog {

    public static final String TITLE = "Sign in with IAM Identity Center";
    private static final String SHEET = SignInDialog.class.getResource("sign-in.css").toExternalForm();

    private final Stage stage;
    private final SignInViewModel model;
    private boolean finished;

    private SignInDialog(Window owner, IdentityCenter center, TaskExecutor executor, BrowserOpener browser, AwsFiles files,
            SignInRequest request, Consumer<SignInResult> onDone, Runnable onCancelled) {
        this.stage = new Stage();
        this.model = new SignInViewModel(center, executor, browser, request, files.config(), result -> {
            finished = true;
            stage.close();
            onDone.accept(result);
        });
        Parent root = Views.load(SignInDialog.class, "SignInDialog.fxml", type -> {
            if (type == SignInController.class) {
                return new SignInController(model, stage::close);
            }
            throw new IllegalArgumentException("no controller " + type.getName() + " in the sign-in dialog");
        });
        Scene scene = new Scene(root);
        List<String> sheets = new ArrayList<>();
        if (owner != null && owner.getScene() != null) {
            sheets.addAll(owner.getScene().getStylesheets()); // the wizard's theme, light or dark
        }
        sheets.add(SHEET);
        scene.getStylesheets().setAll(sheets);
        stage.setScene(scene);
        stage.setTitle(TITLE);
        // Each step shows other parts: the window follows its content.
        model.phaseProperty().addListener((obs, old, now) -> stage.sizeToScene());
        model.messageProperty().addListener((obs, old, now) -> stage.sizeToScene());
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setOnHidden(e -> {
            model.cancelWaiting();
            if (!finished) {
                onCancelled.run();
            }
        });
    }

    /**
     * Opens the dialog. A sign-in again (the same account and role) starts at once.
     *
     * @param onDone      on the UI thread, with credentials fetched; the dialog has closed
     * @param onCancelled when the dialog closes without a sign-in
     */
    public static SignInDialog open(Window owner, IdentityCenter center, TaskExecutor executor, SignInServices services, SignInRequest request,
            Consumer<SignInResult> onDone, Runnable onCancelled) {
        SignInDialog dialog = new SignInDialog(owner, center, executor, services.browser(), services.files().orElseThrow(), request, onDone,
                onCancelled);
        dialog.stage.show();
        if (request.again()) {
            dialog.model.signIn();
        }
        return dialog;
    }

    public Stage stage() {
        return stage;
    }

    public SignInViewModel model() {
        return model;
    }
}
