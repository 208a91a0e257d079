package dev.hangar.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.auth.AwsFiles;
import dev.hangar.auth.AwsProfiles;
import dev.hangar.auth.AwsSession;
import dev.hangar.auth.IdentityCenterCredentials;
import dev.hangar.auth.SessionOpener;
import dev.hangar.aws.AwsClients;
import dev.hangar.provision.Pacing;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.ui.concurrent.FxTaskExecutor;
import dev.hangar.ui.wizard.WizardServices;
import dev.hangar.ui.wizard.WizardState;
import dev.hangar.ui.wizard.WizardStep;
import dev.hangar.ui.wizard.WizardWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The whole wizard: signing in with IAM Identity Center from the Account step, the banner counting down the
 * role credentials (which renew by themselves), then the sign-in ending and "Sign in again" in the banner
 * putting new credentials under the same session, with the wizard's state untouched.
 */
@Tag("ui")
@ExtendWith({LocalAwsExtension.class, ApplicationExtension.class})
class SignInAgainInPlaceUiTest {

    @TempDir Path home;
    private Stage stage;
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final WizardState state = new WizardState();
    private final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            if (state.sessionProperty().get() != null) {
                state.sessionProperty().get().close();
            }
        });
        executor.close();
    }

    @Test
    void signsInFromTheAccountStepCountsDownAndSignsInAgainWithoutLosingTheWizard(FxRobot robot, LocalAws aws) throws Exception {
        AwsFiles files = AwsFiles.of(Map.of(), home);
        Files.createDirectories(files.config().getParent());
        Files.writeString(files.config(), SignInDialogUiTest.CONFIG);
        aws.identityCenter().setCredentialLifetime(Duration.ofSeconds(4));
        state.settingsProperty().set(aws.settings());
        // No credentials in the environment: the Account step's first try ends in plan-only mode.
        SessionOpener sessions = new SessionOpener(s -> new AwsClients(s, () -> {
            throw SdkClientException.create("no credentials here");
        }));
        SignInServices signIn = new SignInServices(Optional.of(files), opened::add, Clock.systemUTC(),
                (wait, cancel) -> cancel.await(Duration.ofMillis(20)));
        WizardServices services = new WizardServices(executor, sessions, AwsProfiles.read(files), () -> Optional.of("203.0.113.7"),
                (owner, title, name) -> Optional.empty(), new dev.hangar.engine.EngineServices(home, Pacing.fast(), Clock.systemUTC()),
                home.resolve(".ssh/config"), signIn);
        robot.interact(() -> new WizardWindow(state, services).showIn(stage));
        UiWait.until(() -> state.planOnlyReasonProperty().get() != null, "the first sign-in attempt");

        robot.clickOn("#ssoButton");
        UiWait.until(() -> robot.lookup("#signInButton").tryQuery().isPresent(), "the sign-in dialog");
        robot.clickOn("#signInButton");
        UiWait.until(() -> robot.lookup("hangar-research (123456789012)").tryQuery().isPresent(), "the accounts");
        robot.clickOn("hangar-research (123456789012)");
        UiWait.until(() -> robot.lookup("HangarResearcher").tryQuery().isPresent(), "the roles");
        robot.clickOn("HangarResearcher");
        robot.clickOn("#useButton");
        UiWait.until(() -> state.sessionProperty().get() != null, "the session");
        assertThat(opened).hasSize(1).allSatisfy(u -> assertThat(u).contains("user_code="));
        assertThat(robot.lookup("#accountStatus").queryAs(Label.class).getText())
                .contains("Signed in to account 123456789012").contains("through IAM Identity Center, sso-session my-sso").contains("role HangarResearcher");

        AwsSession session = state.sessionProperty().get();
        IdentityCenterCredentials first = session.identityCenter().orElseThrow();
        LaunchSpec spec = LaunchSpec.builder().name("keep-me").region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI)
                .instanceType("g5.xlarge").dataBucket("research-data").tag("project", "nlp").build();
        robot.interact(() -> {
            state.load(spec);
            state.currentStepProperty().set(WizardStep.REGION);
        });
        Label countdown = robot.lookup("#sessionCountdown").queryAs(Label.class);
        UiWait.until(() -> countdown.isVisible() && countdown.getText().startsWith("IAM Identity Center · credentials 0:0"),
                "the countdown");
        // The credentials last 4 s: the banner has them renewed in the background, again and again.
        UiWait.until(() -> first.fetchCount() >= 3, "the credentials to renew by themselves");
        assertThat(robot.lookup("#signInAgainButton").query().isVisible()).isFalse();
        Screenshots.save(robot, robot.lookup("#accountBanner").query(), "sign-in-banner-countdown");

        // The sign-in itself ends (tokens revoked): the next renewal fails, and the banner offers to sign in again.
        aws.identityCenter().expireAccessTokens();
        aws.identityCenter().revokeRefreshTokens();
        UiWait.until(() -> robot.lookup("#signInAgainButton").query().isVisible(), "Sign in again");
        assertThat(countdown.getText()).isEqualTo("IAM Identity Center sign-in ended");
        assertThat(countdown.getStyleClass()).contains("session-ending");
        Screenshots.save(robot, robot.lookup("#accountBanner").query(), "sign-in-banner-ended");

        robot.clickOn("#signInAgainButton");
        UiWait.until(() -> session.identityCenter().orElseThrow() != first, "the new credentials");
        UiWait.until(() -> !robot.lookup("#signInAgainButton").query().isVisible(), "the banner to recover");
        assertThat(opened).as("the browser opened for the new sign-in").hasSize(2);

        assertThat(state.sessionProperty().get()).as("the same session, clients and all").isSameAs(session);
        assertThat(state.currentStep()).isEqualTo(WizardStep.REGION);
        assertThat(state.spec()).isEqualTo(spec);
        IdentityCenterCredentials second = session.identityCenter().orElseThrow();
        assertThat(second.roleName()).isEqualTo("HangarResearcher");
        assertThat(second.status().signInRequired()).isFalse();
        assertThat(session.clients().sts(LocalAws.REGION).getCallerIdentity().account()).isEqualTo(LocalAws.ACCOUNT_ID);
    }
}
