package dev.hangar.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.auth.AwsSession;
import dev.hangar.aws.AwsClients;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalAwsExtension.class)
class SessionModelTest {

    private final SessionModel model = new SessionModel();

    @Test
    void signingInClearsPlanOnlyModeAndSigningOutClosesTheClients(LocalAws aws) {
        model.planOnly("no AWS credentials");
        assertThat(model.planOnly().get()).isTrue();
        AwsClients clients = aws.clients(aws.settings());
        List<AwsSession> seen = new ArrayList<>();
        model.sessionProperty().addListener((obs, old, now) -> seen.add(now));

        model.signedIn(new AwsSession(clients, LocalAws.ACCOUNT_ID, "arn:aws:iam::" + LocalAws.ACCOUNT_ID + ":user/researcher"));
        assertThat(model.planOnly().get()).isFalse();
        assertThat(model.planOnlyReasonProperty().get()).isNull();
        assertThat(model.clients()).containsSame(clients);
        assertThat(model.identityCenter()).as("signed in with a profile").isEmpty();

        model.signOut();
        assertThat(model.clients()).isEmpty();
        assertThat(seen).hasSize(2).last().isNull();
        assertThat(model.planOnlyReasonProperty().get()).as("not tried again yet").isNull();
    }

    @Test
    void withoutIdentityCenterThereIsNothingToRenewOrSwap(LocalAws aws) {
        model.signedIn(new AwsSession(aws.clients(aws.settings()), LocalAws.ACCOUNT_ID, "arn"));
        model.renewCredentialsIfDue(new dev.hangar.ui.concurrent.CurrentThreadTaskExecutor());
        assertThat(model.credentialsSwapsProperty().get()).isZero();
    }
}
