package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Scans the first-boot script the launch sends. Reports where a secret appears, never the secret itself. */
public final class NoSecretsInUserDataRule extends BaseRule {

    private static final Map<String, Pattern> SECRETS = new LinkedHashMap<>();

    static {
        SECRETS.put("an AWS access key ID", Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\\b"));
        SECRETS.put("an AWS secret key or session token setting",
                Pattern.compile("(?i)aws_secret_access_key|aws_session_token|secretaccesskey"));
        SECRETS.put("a private key", Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----"));
    }

    private final Function<Blueprint, String> userData;

    public NoSecretsInUserDataRule() {
        this(b -> b.instance().userData());
    }

    /** @param userData the user data script (tests substitute one) */
    public NoSecretsInUserDataRule(Supplier<String> userData) {
        this(b -> userData.get());
    }

    private NoSecretsInUserDataRule(Function<Blueprint, String> userData) {
        super("no-secrets-in-user-data", "No secrets in the instance's user data",
                "User data can be read by anyone allowed to describe the instance, and by every process on it through the "
                        + "metadata service. The instance gets its AWS access from its role; secrets do not belong there.",
                Severity.CRITICAL, "CKV_AWS_46");
        this.userData = userData;
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        String script = userData.apply(blueprint);
        for (Map.Entry<String, Pattern> secret : SECRETS.entrySet()) {
            Matcher m = secret.getValue().matcher(script);
            if (m.find()) {
                int line = (int) script.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                return fail("The user data holds a secret (line " + line + ")",
                        "Line " + line + " of the user data holds what looks like " + secret.getKey() + ".",
                        Fix.manual("Remove it from the user data; give the instance access through its IAM role, "
                                + "or read the secret at run time from SSM Parameter Store or Secrets Manager."));
            }
        }
        return pass("No secrets in the user data",
                "The first-boot script (data volume and CloudWatch agent setup) holds no AWS key, secret or private key.");
    }
}
