package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.auth.AwsProfiles;
import dev.hangar.auth.SessionOpener;
import dev.hangar.aws.AwsClients;
import dev.hangar.engine.EngineServices;
import dev.hangar.provision.Pacing;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import dev.hangar.ui.concurrent.CurrentThreadTaskExecutor;
import dev.hangar.ui.session.SessionModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;

/** The Account step's logic without a window: signing in runs at once on the calling thread. */
@ExtendWith(LocalAwsExtension.class)
class AccountViewModelTest {

    @TempDir Path home;
    private final SessionModel session = new SessionModel();
    private final SimpleStringProperty region = new SimpleStringProperty(LocalAws.REGION);
    private final SimpleBooleanProperty processing = new SimpleBooleanProperty();

    private AccountViewModel model(SessionOpener sessions) {
        WizardServices services = new WizardServices(new CurrentThreadTaskExecutor(), sessions, new AwsProfiles(ProfileFile.aggregator().build()),
                Optional::empty, (owner, title, name) -> Optional.empty(), new EngineServices(home, Pacing.fast(), Clock.systemUTC()),
                home.resolve(".ssh/config"));
        return new AccountViewModel(session, region, processing, services, (center, request, done, cancelled) -> {
            throw new AssertionError("no IAM Identity Center here");
        });
    }

    @Test
    void enteringTheStepSignsInToTheAppsSession(LocalAws aws) {
        session.settingsProperty().set(aws.settings());
        AccountViewModel model = model(new SessionOpener(aws::clients));
        assertThat(model.statusProperty().get()).isEqualTo("Press Connect to sign in.");

        model.entered();

        assertThat(session.sessionProperty().get().accountId()).isEqualTo(LocalAws.ACCOUNT_ID);
        assertThat(model.statusProperty().get()).startsWith("Signed in to account " + LocalAws.ACCOUNT_ID);
        assertThat(model.toneProperty().get()).isEqualTo(AccountViewModel.Tone.OK);
        assertThat(model.canProceed().get()).isTrue();
        assertThat(processing.get()).isFalse();
    }

    @Test
    void withoutCredentialsTheWizardGoesOnInPlanOnlyMode(LocalAws aws) {
        session.settingsProperty().set(aws.settings());
        AccountViewModel model = model(new SessionOpener(s -> new AwsClients(s, () -> {
            throw SdkClientException.create("no credentials here");
        })));

        model.entered();

        assertThat(session.sessionProperty().get()).isNull();
        assertThat(session.planOnlyReasonProperty().get()).isNotNull();
        assertThat(model.statusProperty().get()).startsWith("Plan-only mode: ");
        assertThat(model.toneProperty().get()).isEqualTo(AccountViewModel.Tone.WARN);
        assertThat(model.canProceed().get()).as("plan-only mode may go on").isTrue();
    }

    @Test
    void aMalformedEndpointIsReportedAndNothingIsTried(LocalAws aws) {
        session.settingsProperty().set(aws.settings());
        AccountViewModel model = model(new SessionOpener(s -> {
            throw new AssertionError("no sign-in with a malformed endpoint");
        }));

        model.endpointProperty().set("not a url");
        model.connect();

        assertThat(model.endpointErrorProperty().get()).contains("endpoint URL");
        assertThat(model.canProceed().get()).isFalse();
    }

    @Test
    void anotherEndpointSignsOutUntilConnectIsPressedAgain(LocalAws aws) {
        session.settingsProperty().set(aws.settings());
        AccountViewModel model = model(new SessionOpener(aws::clients));
        model.connect();
        assertThat(session.sessionProperty().get()).isNotNull();

        model.endpointProperty().set("http://127.0.0.1:1");

        assertThat(session.sessionProperty().get()).isNull();
        assertThat(model.statusProperty().get()).isEqualTo("Press Connect to sign in.");
        assertThat(model.canProceed().get()).isFalse();
    }
}
