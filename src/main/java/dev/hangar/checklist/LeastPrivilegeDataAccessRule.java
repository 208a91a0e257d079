package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.spec.BucketAccess;
import dev.hangar.spec.LaunchSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the data-access policy the launch will put on the role, so the check is of the real document:
 * any Allow on every resource or every action fails; write access to a whole bucket, or a prefix that
 * also matches its siblings, warns.
 */
public final class LeastPrivilegeDataAccessRule extends BaseRule {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<Blueprint, String> policy;

    public LeastPrivilegeDataAccessRule() {
        this(b -> b.iam().dataPolicy());
    }

    /** @param policy the data-access policy document of a blueprint (tests substitute one) */
    public LeastPrivilegeDataAccessRule(Function<Blueprint, String> policy) {
        super("least-privilege-data-access", "The instance role reaches only the data bucket (and prefix)",
                "Stolen instance credentials can do whatever the role allows. A role scoped to one bucket and prefix, "
                        + "read-only where possible, limits what a leaked key or a malicious package can read or destroy.",
                Severity.HIGH, "CKV_AWS_355", "CKV_AWS_290");
        this.policy = policy;
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        LaunchSpec spec = blueprint.spec();
        JsonNode statements;
        try {
            statements = JSON.readTree(policy.apply(blueprint)).path("Statement");
        } catch (Exception e) {
            return couldNotCheck("Could not read the role's data-access policy",
                    "the role's data-access policy could not be read (" + e.getMessage() + ").", null);
        }
        List<String> wildcards = wildcards(statements);
        if (!wildcards.isEmpty()) {
            String what = String.join(" and ", wildcards.stream().map(w -> w.replaceAll(" \\(.*\\)$", "")).distinct().toList());
            return fail("The role's data policy allows " + what,
                    "The data-access policy allows " + String.join("; ", wildcards) + ".",
                    Fix.manual("Scope every Allow statement to the data bucket's ARN and name its actions."));
        }
        String where = "s3://" + spec.dataBucket() + "/" + spec.dataPrefix();
        if (spec.bucketAccess() == BucketAccess.READ_WRITE && spec.dataPrefix().isEmpty()) {
            return warn("The role may write and delete all of s3://" + spec.dataBucket(),
                    "The role may write and delete every object in s3://" + spec.dataBucket()
                    + ". Read-only, or read-write under a prefix (e.g. checkpoints/), limits the damage a leak can do.", Fixes.READ_ONLY);
        }
        if (!spec.dataPrefix().isEmpty() && !spec.dataPrefix().endsWith("/")) {
            return warn("The prefix \"" + spec.dataPrefix() + "\" also grants \"" + spec.dataPrefix() + "-old/\" and other siblings",
                    "The prefix \"" + spec.dataPrefix() + "\" also matches its siblings (\"" + spec.dataPrefix()
                    + "-old/\", \"" + spec.dataPrefix() + "2/\"...), since IAM matches the characters, not folders.",
                    Fixes.prefixEndingInSlash(spec.dataPrefix()));
        }
        return pass("The role reaches only " + where + " (" + spec.bucketAccess().wireName() + ")",
                spec.bucketAccess().wireName() + " on " + where + " only; plain-HTTP access is denied. The AWS managed "
                + "policies for SSM and the CloudWatch agent are AWS's own and not counted here.");
    }

    private static List<String> wildcards(JsonNode statements) {
        List<String> found = new ArrayList<>();
        for (JsonNode s : statements) {
            if (!"Allow".equals(s.path("Effect").asText())) {
                continue;
            }
            String sid = s.hasNonNull("Sid") ? " (" + s.get("Sid").asText() + ")" : "";
            if (s.has("NotResource") || values(s.path("Resource")).contains("*")) {
                found.add("every resource" + sid);
            }
            List<String> actions = values(s.path("Action"));
            if (s.has("NotAction") || actions.contains("*") || actions.contains("s3:*")) {
                found.add("every action" + sid);
            }
        }
        return found;
    }

    private static List<String> values(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node.isTextual()) {
            out.add(node.asText());
        }
        return out;
    }
}
