package dev.hangar.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BucketPolicyTest {

    /** AWS's own example: deny every S3 action without TLS on the bucket and its objects. */
    private static final String AWS_EXAMPLE = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "AllowRead", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
               "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/*"},
              {"Sid": "TlsOnly", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
               "Resource": ["arn:aws:s3:::data", "arn:aws:s3:::data/*"],
               "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}
            """;

    @Test
    void theUsualTlsOnlyStatementCounts() {
        assertThat(BucketPolicy.deniesPlainHttp(AWS_EXAMPLE, "data")).isTrue();
        assertThat(BucketPolicy.deniesPlainHttp(AWS_EXAMPLE.replace("\"false\"", "false"), "data")).isTrue();
        assertThat(BucketPolicy.deniesPlainHttp(AWS_EXAMPLE.replace("\"Principal\": \"*\"", "\"Principal\": {\"AWS\": [\"*\"]}"), "data")).isTrue();
        assertThat(BucketPolicy.deniesPlainHttp(single("*", "*", "arn:aws:s3:::*", "aws:securetransport"), "data")).isTrue();
    }

    @Test
    void aStatementThatLeavesSomethingOpenDoesNot() {
        assertThat(BucketPolicy.deniesPlainHttp(AWS_EXAMPLE, "other")).as("another bucket").isFalse();
        assertThat(BucketPolicy.deniesPlainHttp(AWS_EXAMPLE.replace("\"Deny\"", "\"Allow\""), "data")).as("allow").isFalse();
        assertThat(BucketPolicy.deniesPlainHttp(AWS_EXAMPLE.replace("\"false\"}", "\"true\"}"), "data")).as("TLS denied").isFalse();
        assertThat(BucketPolicy.deniesPlainHttp(single("arn:aws:iam::123456789012:root", "s3:*", "arn:aws:s3:::data/*", "aws:SecureTransport"),
                "data")).as("one principal").isFalse();
        assertThat(BucketPolicy.deniesPlainHttp(single("*", "s3:GetObject", "arn:aws:s3:::data/*", "aws:SecureTransport"), "data"))
                .as("one action").isFalse();
        assertThat(BucketPolicy.deniesPlainHttp(single("*", "s3:*", "arn:aws:s3:::data/logs/*", "aws:SecureTransport"), "data"))
                .as("one prefix").isFalse();
    }

    @Test
    void mentioningTheKeyElsewhereIsNotADeny() {
        String sidOnly = "{\"Statement\": {\"Sid\": \"Deny aws:SecureTransport false\", \"Effect\": \"Allow\", \"Principal\": \"*\","
                + " \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::data/*\","
                + " \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"false\"}}}}";
        assertThat(BucketPolicy.deniesPlainHttp(sidOnly, "data")).isFalse();
        assertThat(BucketPolicy.deniesPlainHttp("not json", "data")).isFalse();
        assertThat(BucketPolicy.deniesPlainHttp(null, "data")).isFalse();
    }

    private static String single(String principal, String action, String resource, String key) {
        return "{\"Statement\": {\"Effect\": \"Deny\", \"Principal\": {\"AWS\": \"" + principal + "\"}, \"Action\": \"" + action
                + "\", \"Resource\": \"" + resource + "\", \"Condition\": {\"Bool\": {\"" + key + "\": \"false\"}}}}";
    }
}
