package dev.hangar.ui.auth;

import dev.hangar.auth.SsoAccount;
import dev.hangar.ui.CopyFeedback;
import dev.hangar.ui.auth.SignInViewModel.Phase;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/** Binds the sign-in dialog's view to its {@link SignInViewModel}; copying to the clipboard is all it does itself. */
public final class SignInController {

    private final SignInViewModel model;
    private final Runnable close;

    @FXML private Node wherePane;
    @FXML private TextField startUrlField;
    @FXML private TextField regionField;
    @FXML private Label sessionHint;
    @FXML private Node devicePane;
    @FXML private TextField urlField;
    @FXML private Label userCode;
    @FXML private Label waitingText;
    @FXML private Node choosePane;
    @FXML private ListView<SsoAccount> accountList;
    @FXML private ListView<String> roleList;
    @FXML private Node profilePane;
    @FXML private CheckBox saveProfile;
    @FXML private TextField profileNameField;
    @FXML private Label message;
    @FXML private Button cancelButton;
    @FXML private Button signInButton;
    @FXML private Button useButton;
    @FXML private Button copyUrlButton;
    @FXML private Button copyCodeButton;

    /** @param close closes the dialog (Cancel outside the wait) */
    SignInController(SignInViewModel model, Runnable close) {
        this.model = model;
        this.close = close;
    }

    @FXML
    private void initialize() {
        startUrlField.textProperty().bindBidirectional(model.startUrlProperty());
        regionField.textProperty().bindBidirectional(model.regionProperty());
        sessionHint.setText(model.sessionName().map(n -> "from [sso-session " + n + "]").orElse(""));
        BooleanBinding where = model.phaseProperty().isEqualTo(Phase.WHERE);
        startUrlField.disableProperty().bind(where.not().or(model.busyProperty()));
        regionField.disableProperty().bind(where.not().or(model.busyProperty()));
        show(wherePane, model.phaseProperty().isNotEqualTo(Phase.CHOOSING).and(model.phaseProperty().isNotEqualTo(Phase.DONE)));
        show(devicePane, model.phaseProperty().isEqualTo(Phase.WAITING));
        BooleanBinding choosing = model.phaseProperty().isEqualTo(Phase.CHOOSING).or(model.phaseProperty().isEqualTo(Phase.DONE)
                .and(model.selectedAccountProperty().isNotNull()));
        show(choosePane, choosing);
        show(profilePane, choosing);
        urlField.textProperty().bind(model.verificationUrlProperty());
        userCode.textProperty().bind(model.userCodeProperty());
        waitingText.textProperty().bind(model.waitingTextProperty());

        accountList.setItems(model.accounts());
        accountList.setCellFactory(list -> new AccountCell());
        accountList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedAccountProperty().set(now));
        model.selectedAccountProperty().addListener((obs, old, now) -> {
            if (now != accountList.getSelectionModel().getSelectedItem()) {
                accountList.getSelectionModel().select(now);
            }
        });
        roleList.setItems(model.roles());
        roleList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedRoleProperty().set(now));
        model.selectedRoleProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(roleList.getSelectionModel().getSelectedItem())) {
                roleList.getSelectionModel().select(now);
            }
        });
        saveProfile.selectedProperty().bindBidirectional(model.saveProfileProperty());
        profileNameField.textProperty().bindBidirectional(model.profileNameProperty());
        profileNameField.disableProperty().bind(saveProfile.selectedProperty().not());

        message.textProperty().bind(model.messageProperty());
        show(message, model.messageProperty().isNotEmpty());
        model.messageIsErrorProperty().addListener((obs, was, error) -> styleMessage(error));
        styleMessage(model.messageIsErrorProperty().get());

        show(signInButton, model.phaseProperty().isEqualTo(Phase.WHERE));
        signInButton.disableProperty().bind(model.canSignIn().not());
        show(useButton, model.phaseProperty().isEqualTo(Phase.CHOOSING));
        useButton.disableProperty().bind(model.canFinish().not());
        cancelButton.textProperty().bind(javafx.beans.binding.Bindings.when(model.phaseProperty().isEqualTo(Phase.WAITING))
                .then("Cancel sign-in").otherwise("Cancel"));
    }

    @FXML
    void signIn() {
        model.signIn();
    }

    @FXML
    void finish() {
        model.finish();
    }

    @FXML
    void cancel() {
        if (!model.cancelWaiting()) {
            close.run();
        }
    }

    @FXML
    void openBrowser() {
        model.openBrowser();
    }

    @FXML
    void copyUrl() {
        CopyFeedback.copy(copyUrlButton, model.verificationUrlProperty().get());
    }

    @FXML
    void copyCode() {
        CopyFeedback.copy(copyCodeButton, model.userCodeProperty().get());
    }

    private void styleMessage(boolean error) {
        message.getStyleClass().removeAll("status-error", "status-ok");
        message.getStyleClass().add(error ? "status-error" : "status-ok");
    }

    private static void show(Node node, javafx.beans.value.ObservableBooleanValue visible) {
        node.visibleProperty().bind(visible);
        node.managedProperty().bind(node.visibleProperty());
    }

    private static final class AccountCell extends ListCell<SsoAccount> {
        @Override
        protected void updateItem(SsoAccount account, boolean empty) {
            super.updateItem(account, empty);
            setText(empty || account == null ? null : account.label());
            setTooltip(empty || account == null || account.emailAddress() == null ? null : new javafx.scene.control.Tooltip(account.emailAddress()));
        }
    }
}
