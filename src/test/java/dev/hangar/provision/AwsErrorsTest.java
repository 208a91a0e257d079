package dev.hangar.provision;

import dev.hangar.blueprint.AwsErrors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.iam.model.IamException;

class AwsErrorsTest {

    @Test
    void aSignatureErrorLosesTheSignedRequestItQuotes() {
        String aws = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key "
                + "and signing method.\n\nThe Canonical String for this request should have been\n'POST\n/\n\nhost:iam.amazonaws.com\n"
                + "x-amz-security-token:FwoGZXIvYXdzEXAMPLETOKEN\n'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256 ...'";
        IamException e = (IamException) IamException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("SignatureDoesNotMatch").errorMessage(aws).build()).build();
        String brief = AwsErrors.brief(e);
        assertThat(brief).startsWith("SignatureDoesNotMatch: The request signature we calculated does not match")
                .doesNotContain("FwoGZXIvYXdzEXAMPLETOKEN").doesNotContain("Canonical String").contains("left out");
        assertThat(AwsErrors.explain(e, EngineFixture.spec().build())).doesNotContain("FwoGZXIvYXdzEXAMPLETOKEN");
    }

    @Test
    void aTokenHeaderOrAnAccessKeyIdAnywhereIsMasked() {
        assertThat(AwsErrors.redact("sent X-Amz-Security-Token: abc/def+ghi== and Credential=AKIAIOSFODNN7EXAMPLE/20261126"))
                .isEqualTo("sent X-Amz-Security-Token: <redacted> and Credential=<access key id>/20261126");
        assertThat(AwsErrors.redact(null)).isEmpty();
        assertThat(AwsErrors.redact("InstanceLimitExceeded: You have requested more instances (2) than your current limit"))
                .isEqualTo("InstanceLimitExceeded: You have requested more instances (2) than your current limit");
    }

    @Test
    void aFailureWithoutAMessageStillSaysWhatFailed() {
        IamException e = (IamException) IamException.builder().statusCode(500)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceFailure").build()).build();
        assertThat(AwsErrors.brief(e)).isEqualTo("ServiceFailure (HTTP 500)");
        assertThat(AwsErrors.brief(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
