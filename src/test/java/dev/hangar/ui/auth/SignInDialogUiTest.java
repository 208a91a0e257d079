package dev.hangar.ui.auth;

import static dev.hangar.testing.TokenOutcome.EXPIRED;
import static dev.hangar.testing.TokenOutcome.PENDING;
import static dev.hangar.testing.TokenOutcome.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.auth.AwsFiles;
import dev.hangar.auth.AwsProfiles;
import dev.hangar.auth.IdentityCenter;
import dev.hangar.auth.SessionCredentials;
import dev.hangar.auth.SsoAccount;
import dev.hangar.auth.SsoStart;
import dev.hangar.auth.SsoTokenCache;
import dev.hangar.aws.AwsClients;
import dev.hangar.testing.FakeIdentityCenter;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.ui.Theme;
import dev.hangar.ui.auth.SignInViewModel.Phase;
import dev.hangar.ui.concurrent.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The sign-in dialog driven as a person would, against the fake IAM Identity Center; approval is the test's to give. */
@Tag("ui")
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class SignInDialogUiTest {

    static final String CONFIG = """
            [sso-session my-sso]
            sso_start_url = https://d-9067a1b2c3.awsapps.com/start
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access
            """;

    @TempDir Path home;
    private Stage stage;
    private AwsFiles files;
    private AwsClients clients;
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final GatedSleeper sleeper = new GatedSleeper();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final AtomicReference<SignInResult> result = new AtomicReference<>();
    private final AtomicInteger cancelled = new AtomicInteger();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(new StackPane(new Label("Hangar")), 900, 640);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void files(LocalAws aws) throws Exception {
        files = AwsFiles.of(Map.of(), home);
        Files.createDirectories(files.config().getParent());
        Files.writeString(files.config(), CONFIG);
        clients = new AwsClients(aws.settings(), SessionCredentials.signedOut());
    }

    @AfterEach
    void close() {
        clients.close();
        executor.close();
    }

    private SignInDialog open(FxRobot robot, SignInRequest request) {
        SignInServices services = new SignInServices(Optional.of(files), opened::add, Clock.systemUTC(), sleeper);
        IdentityCenter center = new IdentityCenter(clients, new SsoTokenCache(files.ssoCache()), services.clock(), sleeper);
        AtomicReference<SignInDialog> dialog = new AtomicReference<>();
        robot.interact(() -> dialog.set(SignInDialog.open(stage, center, executor, services, request, result::set, cancelled::incrementAndGet)));
        return dialog.get();
    }

    private static SignInRequest fromConfig(AwsFiles files) {
        return SignInRequest.fresh(AwsProfiles.read(files).defaultSsoSession(), Optional.of(LocalAws.REGION));
    }

    @Test
    void showsTheCodeOpensTheBrowserThenOffersAccountsAndRolesAndSavesAProfile(FxRobot robot, LocalAws aws) throws Exception {
        aws.identityCenter().scriptToken(List.of(PENDING, SUCCESS));
        SignInDialog dialog = open(robot, fromConfig(files));
        SignInViewModel model = dialog.model();
        assertThat(robot.lookup("#startUrlField").queryAs(TextField.class).getText()).isEqualTo("https://d-9067a1b2c3.awsapps.com/start");
        assertThat(robot.lookup("#regionField").queryAs(TextField.class).getText()).isEqualTo("us-east-1");
        assertThat(robot.lookup("#sessionHint").queryAs(Label.class).getText()).isEqualTo("from [sso-session my-sso]");
        assertThat(robot.lookup("#useButton").query().isVisible()).isFalse();

        robot.clickOn("#signInButton");
        UiWait.until(() -> model.phaseProperty().get() == Phase.WAITING, "the code");
        String code = robot.lookup("#userCode").queryAs(Label.class).getText();
        String url = robot.lookup("#urlField").queryAs(TextField.class).getText();
        assertThat(code).matches("[A-F0-9]{4}-[A-F0-9]{4}");
        assertThat(url).isEqualTo("https://device.sso.us-east-1.amazonaws.com/?user_code=" + code);
        assertThat(opened).containsExactly(url);
        assertThat(robot.lookup("#cancelButton").queryButton().getText()).isEqualTo("Cancel sign-in");
        assertThat(robot.lookup("#startUrlField").query().isDisabled()).isTrue();

        robot.clickOn("#copyCodeButton");
        assertThat(clipboard(robot)).isEqualTo(code);
        robot.clickOn("#copyUrlButton");
        assertThat(clipboard(robot)).isEqualTo(url);
        robot.clickOn("#openButton");
        assertThat(opened).containsExactly(url, url);
        Screenshots.save(robot, dialog.stage().getScene(), "sign-in");

        sleeper.approve(); // first poll: pending
        sleeper.approve(); // second poll: approved
        UiWait.until(() -> model.phaseProperty().get() == Phase.CHOOSING && !model.busyProperty().get(), "the accounts");
        ListView<?> accounts = robot.lookup("#accountList").queryAs(ListView.class);
        assertThat(model.accounts()).extracting(SsoAccount::accountId).containsExactly(FakeIdentityCenter.DEFAULT_ACCOUNT, "210987654321");
        assertThat(robot.lookup("#useButton").queryButton().isDisabled()).as("nothing chosen yet").isTrue();

        robot.clickOn("hangar-research (123456789012)");
        UiWait.until(() -> model.roles().size() == 2 && !model.busyProperty().get(), "the roles");
        assertThat(accounts.getSelectionModel().getSelectedIndex()).isZero();
        robot.clickOn("HangarResearcher");
        robot.clickOn("#saveProfile");
        robot.clickOn("#profileNameField").write("research");
        Screenshots.save(robot, dialog.stage().getScene(), "sign-in-accounts");
        robot.clickOn("#useButton");

        UiWait.until(() -> result.get() != null, "the sign-in to finish");
        assertThat(dialog.stage().isShowing()).isFalse();
        assertThat(cancelled).hasValue(0);
        SignInResult r = result.get();
        assertThat(r.credentials().accountId()).isEqualTo(FakeIdentityCenter.DEFAULT_ACCOUNT);
        assertThat(r.credentials().roleName()).isEqualTo("HangarResearcher");
        assertThat(r.credentials().fetchCount()).isEqualTo(1);
        assertThat(r.profile()).hasValueSatisfying(w -> assertThat(w.profile()).isEqualTo("research"));
        Path cache = files.ssoCache().resolve(SsoStart.ofSession("my-sso", "https://x.invalid/", "us-east-1", List.of()).cacheKey() + ".json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rw-------");
        assertThat(AwsProfiles.read(files).identityCenter("research")).hasValueSatisfying(p -> {
            assertThat(p.accountId()).contains(FakeIdentityCenter.DEFAULT_ACCOUNT);
            assertThat(p.region()).contains(LocalAws.REGION);
        });
        assertThat(Files.readString(files.config())).startsWith(CONFIG);
        assertThat(sleeper.waits()).hasSize(2);
    }

    @Test
    void cancellingTheWaitStopsPollingAndClosingSaysSo(FxRobot robot, LocalAws aws) {
        aws.identityCenter().scriptToken(List.of(PENDING));
        SignInDialog dialog = open(robot, fromConfig(files));
        SignInViewModel model = dialog.model();
        robot.clickOn("#signInButton");
        UiWait.until(() -> model.phaseProperty().get() == Phase.WAITING, "the code");
        sleeper.approve();
        UiWait.until(() -> aws.endpoint().count("ssooidc", "CreateToken") == 1, "one poll");

        robot.clickOn("#cancelButton");
        UiWait.until(() -> model.phaseProperty().get() == Phase.WHERE && !model.busyProperty().get(), "the cancelled sign-in");
        assertThat(robot.lookup("#signInMessage").queryAs(Label.class).getText()).startsWith("Cancelled");
        assertThat(robot.lookup("#devicePane").query().isVisible()).isFalse();
        assertThat(aws.endpoint().count("ssooidc", "CreateToken")).isEqualTo(1);
        assertThat(dialog.stage().isShowing()).isTrue();

        robot.clickOn("#cancelButton");
        UiWait.until(() -> !dialog.stage().isShowing(), "the dialog to close");
        assertThat(cancelled).hasValue(1);
        assertThat(result.get()).isNull();
    }

    @Test
    void anExpiredCodeIsExplainedAndTheUserCanStartAgain(FxRobot robot, LocalAws aws) {
        aws.identityCenter().scriptToken(List.of(EXPIRED));
        sleeper.open();
        SignInDialog dialog = open(robot, fromConfig(files));
        robot.clickOn("#signInButton");
        UiWait.until(() -> dialog.model().messageIsErrorProperty().get() && !dialog.model().busyProperty().get(), "the error");
        Label message = robot.lookup("#signInMessage").queryAs(Label.class);
        assertThat(message.getText()).isEqualTo("The sign-in code expired before it was approved: start again");
        assertThat(message.getStyleClass()).contains("status-error");
        assertThat(robot.lookup("#signInButton").queryButton().isDisabled()).isFalse();

        robot.interact(() -> dialog.model().startUrlProperty().set("not a url"));
        robot.clickOn("#signInButton");
        assertThat(message.getText()).contains("start URL is not a URL");
    }

    @Test
    void aCachedSignInNeedsNoCodeAndSigningInAgainPicksNothing(FxRobot robot, LocalAws aws) {
        sleeper.open();
        SignInDialog first = open(robot, fromConfig(files));
        robot.clickOn("#signInButton");
        UiWait.until(() -> first.model().phaseProperty().get() == Phase.CHOOSING, "the accounts");
        robot.interact(() -> first.stage().close());
        aws.endpoint().clearRecord();
        opened.clear();

        SsoStart session = AwsProfiles.read(files).defaultSsoSession().orElseThrow();
        SignInDialog again = open(robot, new SignInRequest(Optional.of(session), Optional.of("210987654321"), Optional.of("AdministratorAccess"),
                true, Optional.empty()));
        UiWait.until(() -> result.get() != null, "the sign-in again");
        assertThat(again.stage().isShowing()).isFalse();
        assertThat(opened).as("no browser: the cached sign-in was enough").isEmpty();
        assertThat(aws.endpoint().count("ssooidc", "StartDeviceAuthorization")).isZero();
        assertThat(result.get().credentials().roleName()).isEqualTo("AdministratorAccess");
    }

    private static String clipboard(FxRobot robot) {
        AtomicReference<String> text = new AtomicReference<>();
        robot.interact(() -> text.set(Clipboard.getSystemClipboard().getString()));
        return text.get();
    }
}
