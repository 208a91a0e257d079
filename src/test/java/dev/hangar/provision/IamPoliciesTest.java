package dev.hangar.provision;

import dev.hangar.blueprint.IamPolicies;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.spec.Access;
import dev.hangar.spec.BucketAccess;
import dev.hangar.spec.LaunchSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamPoliciesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static LaunchSpec.Builder spec() {
        return LaunchSpec.builder().name("llama").region("us-east-1").amiId("ami-0123456789abcdef0").instanceType("g5.xlarge").dataBucket("my-datasets");
    }

    private static JsonNode statements(LaunchSpec spec) throws Exception {
        return JSON.readTree(IamPolicies.dataAccessPolicy(spec)).get("Statement");
    }

    private static List<String> allowedActions(JsonNode statements) {
        List<String> actions = new ArrayList<>();
        statements.forEach(s -> {
            if (s.get("Effect").asText().equals("Allow")) {
                JsonNode a = s.get("Action");
                if (a.isArray()) {
                    a.forEach(x -> actions.add(x.asText()));
                } else {
                    actions.add(a.asText());
                }
            }
        });
        return actions;
    }

    @Test
    void readOnlyAllowsGetAndListOnTheBucketOnly() throws Exception {
        JsonNode st = statements(spec().build());
        assertThat(allowedActions(st)).containsExactlyInAnyOrder("s3:ListBucket", "s3:GetObject");
        st.forEach(s -> {
            if (s.get("Effect").asText().equals("Allow")) {
                assertThat(s.get("Resource").asText()).startsWith("arn:aws:s3:::my-datasets").doesNotContain("*/").isNotEqualTo("*");
            }
        });
    }

    @Test
    void readWriteAddsPutDeleteAndAbortMultipart() throws Exception {
        JsonNode st = statements(spec().bucketAccess(BucketAccess.READ_WRITE).build());
        assertThat(allowedActions(st)).containsExactlyInAnyOrder("s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload");
    }

    @Test
    void aPrefixScopesObjectsAndListing() throws Exception {
        JsonNode st = statements(spec().dataPrefix("train/").build());
        JsonNode list = st.get(0);
        assertThat(list.get("Action").asText()).isEqualTo("s3:ListBucket");
        assertThat(list.get("Resource").asText()).isEqualTo("arn:aws:s3:::my-datasets");
        assertThat(list.at("/Condition/StringLike/s3:prefix").toString()).contains("train/*");
        assertThat(st.get(1).get("Resource").asText()).isEqualTo("arn:aws:s3:::my-datasets/train/*");
    }

    @Test
    void withoutAPrefixListingHasNoCondition() throws Exception {
        assertThat(statements(spec().build()).get(0).has("Condition")).isFalse();
    }

    @Test
    void plainHttpToTheBucketIsDenied() throws Exception {
        JsonNode deny = statements(spec().build()).get(2);
        assertThat(deny.get("Effect").asText()).isEqualTo("Deny");
        assertThat(deny.at("/Condition/Bool/aws:SecureTransport").asText()).isEqualTo("false");
    }

    @Test
    void ssmAccessAttachesSessionManagerAndSshDoesNot() {
        assertThat(IamPolicies.managedPolicyArns(spec().build()))
                .containsExactly("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
        assertThat(IamPolicies.managedPolicyArns(spec().access(Access.SSH).sshCidr("203.0.113.7/32").keyPair("k").build())).isEmpty();
    }

    /** Issue 15 (9): the agent may put metrics in its namespace and do nothing else; no AWS managed CloudWatch policy. */
    @Test
    void theCloudWatchAgentMayOnlyPutMetricsInItsNamespace() throws Exception {
        JsonNode doc = JSON.readTree(IamPolicies.cloudWatchAgentPolicy());
        assertThat(doc.get("Statement")).hasSize(1);
        JsonNode only = doc.get("Statement").get(0);
        assertThat(only.get("Effect").asText()).isEqualTo("Allow");
        assertThat(only.get("Action").asText()).isEqualTo("cloudwatch:PutMetricData");
        assertThat(only.at("/Condition/StringEquals/cloudwatch:namespace").asText()).isEqualTo("CWAgent");
    }

    /** Issue 15 (8): the data grant holds only for a bucket of the expected account. */
    @Test
    void theDataGrantIsPinnedToTheBucketsAccount() throws Exception {
        JsonNode doc = JSON.readTree(IamPolicies.dataAccessPolicy(spec().build(), "123456789012"));
        for (JsonNode statement : doc.get("Statement")) {
            if (statement.get("Effect").asText().equals("Allow")) {
                assertThat(statement.at("/Condition/StringEquals/aws:ResourceAccount").asText()).as(statement.get("Sid").asText())
                        .isEqualTo("123456789012");
            }
        }
    }

    @Test
    void arnsFollowThePartitionOfTheRegion() throws Exception {
        assertThat(IamPolicies.dataAccessPolicy(spec().region("cn-north-1").build())).contains("arn:aws-cn:s3:::my-datasets");
        assertThat(IamPolicies.managedPolicyArns(spec().region("us-gov-west-1").build()).get(0)).startsWith("arn:aws-us-gov:iam::aws:policy/");
    }

    @Test
    void theTrustPolicyLetsOnlyEc2AssumeTheRole() throws Exception {
        JsonNode st = JSON.readTree(IamPolicies.trustPolicy()).get("Statement").get(0);
        assertThat(st.at("/Principal/Service").asText()).isEqualTo("ec2.amazonaws.com");
        assertThat(st.get("Action").asText()).isEqualTo("sts:AssumeRole");
    }
}
