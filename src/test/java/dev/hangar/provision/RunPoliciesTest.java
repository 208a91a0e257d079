package dev.hangar.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.IamPolicies;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.RunSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a run adds to the instance role, statement by statement: writing to its own log group and nothing else in
 * CloudWatch Logs; reading an S3 code prefix outside the data prefix and nothing else of that bucket; nothing for a
 * local folder (uploaded under the data prefix, which the role reads already).
 */
class RunPoliciesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CALLER = "arn:aws:iam::123456789012:user/researcher";

    private static LaunchSpec spec(String code) {
        return IamPoliciesTest.spec().dataPrefix("train/")
                .run(new RunSpec(code, null, "python train.py", Map.of(), true)).build();
    }

    private static Blueprint launched(LaunchSpec spec) {
        return Blueprint.forLaunch(spec, "llama-1a2b3c", CALLER);
    }

    @Test
    void theAgentMayWriteOnlyToTheRunsLogGroup() throws Exception {
        JsonNode statements = JSON.readTree(launched(spec("/home/me/project")).iam().agentPolicy()).get("Statement");
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).as("the metrics statement, unchanged")
                .isEqualTo(JSON.readTree(IamPolicies.cloudWatchAgentPolicy()).get("Statement").get(0));
        assertThat(statements.get(1)).isEqualTo(JSON.readTree("""
                {"Sid": "WriteRunLogs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                 "Resource": ["arn:aws:logs:us-east-1:123456789012:log-group:/hangar/llama-1a2b3c:*",
                              "arn:aws:logs:us-east-1:123456789012:log-group:/hangar/llama-1a2b3c:log-stream:*"]}
                """));
    }

    @Test
    void withoutARunTheAgentPolicyIsAsBefore() throws Exception {
        Blueprint b = Blueprint.forLaunch(IamPoliciesTest.spec().build(), "llama-1a2b3c", CALLER);
        assertThat(JSON.readTree(b.iam().agentPolicy())).isEqualTo(JSON.readTree(IamPolicies.cloudWatchAgentPolicy()));
    }

    @Test
    void anExportNotKnowingTheAccountNamesTheGroupInAnyAccount() throws Exception {
        JsonNode logs = JSON.readTree(Blueprint.of(spec("/p"), "llama-1a2b3c").iam().agentPolicy()).at("/Statement/1/Resource/0");
        assertThat(logs.asText()).isEqualTo("arn:aws:logs:us-east-1:*:log-group:/hangar/llama-1a2b3c:*");
        assertThat(JSON.readTree(Blueprint.launched(spec("/p").toBuilder().region("cn-north-1").build(), "llama-1a2b3c",
                "arn:aws-cn:iam::123456789012:user/researcher").iam().agentPolicy()).at("/Statement/1/Resource/0").asText())
                .startsWith("arn:aws-cn:logs:cn-north-1:123456789012:log-group:/hangar/");
    }

    @Test
    void aLocalFolderAddsNothingToTheDataPolicy() throws Exception {
        assertThat(JSON.readTree(launched(spec("/home/me/project")).iam().dataPolicy()))
                .isEqualTo(JSON.readTree(launched(IamPoliciesTest.spec().dataPrefix("train/").build()).iam().dataPolicy()));
    }

    @Test
    void codeInsideTheDataPrefixAddsNothing() throws Exception {
        assertThat(JSON.readTree(launched(spec("s3://my-datasets/train/code/")).iam().dataPolicy()))
                .isEqualTo(JSON.readTree(launched(IamPoliciesTest.spec().dataPrefix("train/").build()).iam().dataPolicy()));
    }

    @Test
    void codeElsewhereIsReadOnlyOnItsPrefix() throws Exception {
        JsonNode st = JSON.readTree(launched(spec("s3://team-code/projects/llama/")).iam().dataPolicy()).get("Statement");
        assertThat(st).hasSize(5);
        assertThat(st.get(0).get("Sid").asText()).isEqualTo("ListDataBucket");
        assertThat(st.get(1).get("Sid").asText()).isEqualTo("ReadData");
        assertThat(st.get(2)).isEqualTo(JSON.readTree("""
                {"Sid": "ListRunCode", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::team-code",
                 "Condition": {"StringLike": {"s3:prefix": ["projects/llama/", "projects/llama/*"]}}}
                """));
        assertThat(st.get(3)).isEqualTo(JSON.readTree("""
                {"Sid": "ReadRunCode", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::team-code/projects/llama/*"}
                """));
        assertThat(st.get(4)).isEqualTo(JSON.readTree("""
                {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Action": "s3:*",
                 "Resource": ["arn:aws:s3:::my-datasets", "arn:aws:s3:::my-datasets/*", "arn:aws:s3:::team-code", "arn:aws:s3:::team-code/*"],
                 "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
                """));
    }

    @Test
    void codeInTheDataBucketOutsideThePrefixIsPinnedToTheBucketsAccount() throws Exception {
        JsonNode st = JSON.readTree(launched(spec("s3://my-datasets/code/")).iam().dataPolicy()).get("Statement");
        assertThat(st.get(3).get("Resource").asText()).isEqualTo("arn:aws:s3:::my-datasets/code/*");
        assertThat(st.get(2).at("/Condition/StringEquals/aws:ResourceAccount").asText()).isEqualTo("123456789012");
        assertThat(st.get(3).at("/Condition/StringEquals/aws:ResourceAccount").asText()).isEqualTo("123456789012");
        assertThat(st.get(4).get("Resource")).hasSize(2); // the same bucket is denied plain HTTP once
    }
}
