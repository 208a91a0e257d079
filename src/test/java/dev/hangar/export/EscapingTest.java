package dev.hangar.export;

import dev.hangar.blueprint.Blueprint;
import static dev.hangar.export.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hangar.export.Hcl.Body;
import dev.hangar.blueprint.IamPolicies;
import dev.hangar.spec.LaunchSpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The free-text fields the validator lets through (tag keys and values in any script, a key pair name of
 * printable ASCII, a data prefix with quotes, backslashes, markup and invisible characters) come back
 * unchanged from every format, and never as code, markup or a template.
 */
class EscapingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LaunchSpec SPEC = nasty();
    private static final Blueprint STACK = Blueprint.of(SPEC);
    /** The same spec as a cluster, for the one format that needs one. */
    private static final Blueprint CLUSTER = Blueprint.of(valid(SPEC.toBuilder().access(dev.hangar.spec.Access.SSH)
            .sshCidr("203.0.113.7/32").cluster(dev.hangar.spec.ClusterSpec.defaults()).build()));

    private static String export(ExportFormat format) {
        return Exporters.export(format, ExportInput.of(format == ExportFormat.PARALLELCLUSTER ? CLUSTER : STACK));
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void noFormatCarriesAnInvisibleOrLineBreakingCharacterRaw(ExportFormat format) {
        String text = export(format);
        assertThat(text).doesNotContain("\u202E").doesNotContain("\u2028");
        assertThat(text.codePoints().filter(cp -> Character.isISOControl(cp) && cp != '\n')).isEmpty();
    }

    @Test
    void terraform() throws Exception {
        Body tf = Hcl.parse(export(ExportFormat.TERRAFORM));

        Body locals = tf.blocks("locals").get(0).body();
        assertThat(locals.attr("tags")).isEqualTo(STACK.tags());
        assertThat(STACK.tags()).containsAllEntriesOf(SPEC.tags());
        assertThat(tf.block("resource", "aws_instance", "gpu").body().attr("key_name")).isEqualTo(NASTY_KEY_NAME);
        String policy = (String) tf.block("resource", "aws_iam_role_policy", "data_access").body().attr("policy");
        assertThat(policy).doesNotContain("\u202E");
        assertThat(JSON.readTree(policy)).isEqualTo(JSON.readTree(IamPolicies.dataAccessPolicy(SPEC)));
    }

    @Test
    void pulumi() throws Exception {
        String program = export(ExportFormat.PULUMI);
        Python.compile(program);
        JsonNode d = Python.declared(program);

        JsonNode instance = PulumiExportTest.resource(d, "aws.ec2.Instance", "gpu");
        assertThat(PulumiExportTest.map(instance.get("tags"))).isEqualTo(STACK.tags());
        assertThat(instance.get("key_name").asText()).isEqualTo(NASTY_KEY_NAME);
        assertThat(JSON.readTree(PulumiExportTest.resource(d, "aws.iam.RolePolicy", "data-access").get("policy").asText()))
                .isEqualTo(JSON.readTree(IamPolicies.dataAccessPolicy(SPEC)));
    }

    @Test
    void cloudFormation() throws Exception {
        JsonNode t = new YAMLMapper().readTree(export(ExportFormat.CLOUDFORMATION));

        JsonNode instance = t.at("/Resources/Instance/Properties");
        Map<String, String> tags = CloudFormationExportTest.tags(instance.get("Tags"));
        assertThat(tags).isEqualTo(STACK.tags());
        assertThat(tags.get("yes")).isEqualTo("null");
        assertThat(tags.get("num")).isEqualTo("1e3");
        assertThat(instance.get("KeyName").asText()).isEqualTo(NASTY_KEY_NAME);
        assertThat(t.at("/Resources/InstanceRole/Properties/Policies/0/PolicyDocument"))
                .isEqualTo(JSON.readTree(IamPolicies.dataAccessPolicy(SPEC)));
    }

    @Test
    void parallelCluster() throws Exception {
        JsonNode c = new YAMLMapper().readTree(export(ExportFormat.PARALLELCLUSTER));

        Map<String, String> tags = CloudFormationExportTest.tags(c.get("Tags"));
        Map<String, String> expected = new java.util.LinkedHashMap<>(CLUSTER.tags());
        expected.remove("Name"); // ParallelCluster names each node itself
        assertThat(tags).isEqualTo(expected);
        assertThat(tags.get("yes")).isEqualTo("null");
        assertThat(tags.get("num")).isEqualTo("1e3");
        assertThat(c.at("/HeadNode/Ssh/KeyName").asText()).isEqualTo(NASTY_KEY_NAME);
        assertThat(c.at("/HeadNode/Iam/S3Access/0/KeyName").asText()).isEqualTo(NASTY_PREFIX + "*");
    }

    @Test
    void evidenceJson() throws Exception {
        JsonNode doc = JSON.readTree(export(ExportFormat.EVIDENCE_JSON));

        Map<String, String> tags = new LinkedHashMap<>();
        doc.at("/spec/tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
        assertThat(tags).isEqualTo(SPEC.tags());
        assertThat(doc.at("/spec/keyPair").asText()).isEqualTo(NASTY_KEY_NAME);
        assertThat(doc.at("/spec/dataPrefix").asText()).isEqualTo(NASTY_PREFIX);
    }

    @Test
    void evidenceHtml() throws Exception {
        String html = export(ExportFormat.EVIDENCE_HTML);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&#x202e;");
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains("<script>alert(1)</script>", "名前 テスト_1.0", "Zoë @ ML/NLP = +1", "r\u202Etl");
        assertThat(text).contains(JSON.writeValueAsString(NASTY_KEY_NAME));
    }
}
