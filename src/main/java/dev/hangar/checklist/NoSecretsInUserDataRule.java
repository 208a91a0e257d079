package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.RunModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Scans what the launch sends to the instance in its user data: a run's environment variables, setup and command,
 * and the first-boot script. Reports where a secret appears (the variable, the field and line), never the secret.
 */
public final class NoSecretsInUserDataRule extends BaseRule {

    static final String RUN_FIX = "Keep secrets out of run.env, run.setup and run.command: store each in SSM Parameter Store "
            + "(SecureString) or Secrets Manager and read it at run time in run.setup or run.command (e.g. export HF_TOKEN=$(aws "
            + "ssm get-parameter --with-decryption --name /my/hf-token --query Parameter.Value --output text)); with Session "
            + "Manager access the role may read SSM parameters already.";

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
                        + "metadata service; a run's environment, setup and command travel in it, and its output goes to the "
                        + "logs. The instance gets its AWS access from its role; secrets do not belong there.",
                Severity.CRITICAL, "CKV_AWS_46");
        this.userData = userData;
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        RunModel run = blueprint.run();
        List<Located> inRun = run == null ? List.of() : secretsIn(run);
        if (!inRun.isEmpty()) {
            String where = String.join(", ", inRun.stream().map(Located::field).distinct().toList());
            return fail("The run holds " + (inRun.size() == 1 ? "a secret" : inRun.size() + " secrets") + " (" + where + ")",
                    String.join("; ", inRun.stream().map(Located::text).toList()) + ".", Fix.manual(RUN_FIX));
        }
        String script = userData.apply(blueprint);
        Optional<SecretPatterns.Match> found = SecretPatterns.find(script);
        if (found.isPresent()) {
            int line = found.get().line();
            return fail("The user data holds a secret (line " + line + ")",
                    "Line " + line + " of the user data holds what looks like " + found.get().kind() + ".",
                    Fix.manual("Remove it from the user data; give the instance access through its IAM role, "
                            + "or read the secret at run time from SSM Parameter Store or Secrets Manager."));
        }
        return pass("No secrets in the user data",
                "The first-boot script (data volume and CloudWatch agent setup) holds no AWS key, secret or private key"
                        + (run == null ? "." : ", nor do the run's environment, setup and command."));
    }

    /** Where in the run a secret is ({@code run.env}, {@code run.setup}, {@code run.command}), and that said in words. */
    private record Located(String field, String text) {
    }

    /** Each variable, and each line of setup and command, that looks like it holds a secret; named, never shown. */
    private static List<Located> secretsIn(RunModel run) {
        List<Located> found = new ArrayList<>();
        run.env().forEach((name, value) -> SecretPatterns.inVariable(name, value)
                .ifPresent(kind -> found.add(new Located("run.env", "run.env." + name + " looks like " + kind))));
        SecretPatterns.find(run.setup()).ifPresent(m -> found.add(new Located("run.setup",
                "line " + m.line() + " of run.setup holds what looks like " + m.kind())));
        SecretPatterns.find(run.command()).ifPresent(m -> found.add(new Located("run.command",
                "line " + m.line() + " of run.command holds what looks like " + m.kind())));
        return found;
    }
}
