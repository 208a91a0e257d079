package dev.hangar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How requests are named, without a server: the names every fault rule and assertion relies on. */
class CallClassifierTest {

    private static WireRequest signed(String method, String target, String signingName, String contentType, String body) {
        Headers h = new Headers().add("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20250101/eu-west-1/"
                + signingName + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc");
        if (contentType != null) {
            h.add("Content-Type", contentType);
        }
        return new WireRequest(method, target, h, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void queryProtocolActionAndFlatParameters() {
        Call c = CallClassifier.classify(signed("POST", "/", "ec2", "application/x-www-form-urlencoded; charset=utf-8",
                "Action=RunInstances&Version=2016-11-15&Placement.Tenancy=dedicated&TagSpecification.1.Tag.1.Key=hangar%3Aname"));

        assertThat(c.service()).isEqualTo("ec2");
        assertThat(c.region()).isEqualTo("eu-west-1");
        assertThat(c.action()).isEqualTo("RunInstances");
        assertThat(c.params()).containsEntry("Placement.Tenancy", "dedicated")
                .containsEntry("TagSpecification.1.Tag.1.Key", "hangar:name");
    }

    @Test
    void cloudWatchSigningNameIsMappedToCloudwatch() {
        Call c = CallClassifier.classify(signed("POST", "/", "monitoring", "application/x-www-form-urlencoded",
                "Action=PutMetricData"));

        assertThat(c.service()).isEqualTo("cloudwatch");
    }

    @Test
    void jsonProtocolActionFromTargetAndBodyFlattenedQueryStyle() {
        WireRequest r = signed("POST", "/", "pricing", "application/x-amz-json-1.1",
                "{\"ServiceCode\":\"AmazonEC2\",\"Filters\":[{\"Field\":\"instanceType\",\"Value\":\"g5.xlarge\"}]}");
        r.headers().add("X-Amz-Target", "AWSPriceListService.GetProducts");

        Call c = CallClassifier.classify(r);

        assertThat(c.action()).isEqualTo("GetProducts");
        assertThat(c.params()).containsEntry("Filters.1.Field", "instanceType").containsEntry("Filters.1.Value", "g5.xlarge");
    }

    @Test
    void s3OperationsAreNamedLikeTheSdkNamesThem() {
        assertThat(s3("PUT", "/bucket")).isEqualTo("CreateBucket");
        assertThat(s3("DELETE", "/bucket")).isEqualTo("DeleteBucket");
        assertThat(s3("GET", "/")).isEqualTo("ListBuckets");
        assertThat(s3("HEAD", "/bucket")).isEqualTo("HeadBucket");
        assertThat(s3("PUT", "/bucket/a/b.txt")).isEqualTo("PutObject");
        assertThat(s3("GET", "/bucket/a/b.txt")).isEqualTo("GetObject");
        assertThat(s3("GET", "/bucket?location")).isEqualTo("GetBucketLocation");
        assertThat(s3("GET", "/bucket?publicAccessBlock")).isEqualTo("GetPublicAccessBlock");
        assertThat(s3("GET", "/bucket?policy")).isEqualTo("GetBucketPolicy");
        assertThat(s3("GET", "/bucket?encryption")).isEqualTo("GetBucketEncryption");
        assertThat(s3("PUT", "/bucket?publicAccessBlock")).isEqualTo("PutPublicAccessBlock");
        assertThat(s3("GET", "/bucket?list-type=2&prefix=x")).isEqualTo("ListObjectsV2");
        assertThat(s3("POST", "/bucket/key?uploads")).isEqualTo("POST /bucket/key");
    }

    private static String s3(String method, String target) {
        return CallClassifier.classify(signed(method, target, "s3", null, "")).action();
    }

    @Test
    void unsignedIdentityCenterCallsAreKnownByPath() {
        WireRequest portal = new WireRequest("GET", "/federation/credentials?role_name=R&account_id=1",
                new Headers().add("x-amz-sso_bearer_token", "t"), new byte[0]);
        WireRequest oidc = new WireRequest("POST", "/token",
                new Headers().add("Content-Type", "application/json"), "{\"deviceCode\":\"d\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(CallClassifier.classify(portal)).satisfies(c -> {
            assertThat(c.service()).isEqualTo("sso");
            assertThat(c.action()).isEqualTo("GetRoleCredentials");
            assertThat(c.params()).containsEntry("role_name", "R").containsEntry("account_id", "1");
        });
        assertThat(CallClassifier.classify(oidc)).satisfies(c -> {
            assertThat(c.service()).isEqualTo("ssooidc");
            assertThat(c.action()).isEqualTo("CreateToken");
            assertThat(c.params()).containsEntry("deviceCode", "d");
        });
    }
}
