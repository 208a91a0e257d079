package dev.hangar.spec;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks {@code run}. Setup, command and environment travel in the instance's user data (16 KB in all, with the
 * first-boot script), so their size is bounded here; whether a local {@code run.code} folder exists is checked by
 * the engine before any AWS call, since the spec alone cannot tell.
 */
final class RunRules {

    /** Room left in the 16 KB of user data after the first-boot script. */
    static final int MAX_SCRIPT_CHARS = 6_000;
    static final int MAX_ENV = 50;
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern S3_CODE = Pattern.compile("s3://([^/]+)/(.*)");

    private RunRules() {
    }

    static void check(LaunchSpec spec, List<SpecProblem> out) {
        RunSpec run = spec.run();
        if (run == null) {
            return;
        }
        if (spec.cluster() != null) {
            out.add(new SpecProblem("run", "is for one machine; with cluster, submit the job with sbatch on the head node"));
        }
        if (run.command() == null || run.command().isBlank()) {
            out.add(new SpecProblem("run.command", "is required: the shell command of the run, e.g. python train.py"));
        }
        code(run.code(), out);
        int chars = length(run.setup()) + length(run.command());
        for (Map.Entry<String, String> e : run.env().entrySet()) {
            chars += length(e.getKey()) + length(e.getValue());
            env(e.getKey(), e.getValue(), out);
        }
        if (run.env().size() > MAX_ENV) {
            out.add(new SpecProblem("run.env", "at most " + MAX_ENV + " variables, not " + run.env().size()));
        }
        if (chars > MAX_SCRIPT_CHARS) {
            out.add(new SpecProblem("run", "setup, command and env together must be at most " + MAX_SCRIPT_CHARS
                    + " characters (got " + chars + "); they travel in the instance's user data, so put longer scripts"
                    + " in the code folder and call them"));
        }
        for (String field : new String[] {"setup", "command"}) {
            String text = field.equals("setup") ? run.setup() : run.command();
            if (text != null && text.indexOf('\0') >= 0) {
                out.add(new SpecProblem("run." + field, "must not contain a NUL character"));
            }
        }
    }

    private static void code(String code, List<SpecProblem> out) {
        if (code == null) {
            return;
        }
        if (code.isBlank()) {
            out.add(new SpecProblem("run.code", "must be a local folder or s3://bucket/prefix/, or null for no code"));
            return;
        }
        if (code.startsWith("s3://")) {
            var m = S3_CODE.matcher(code);
            if (!m.matches()) {
                out.add(new SpecProblem("run.code", "must name a bucket and a prefix, like s3://my-bucket/code/, not "
                        + Show.quote(code)));
                return;
            }
            BucketNameRules.check(m.group(1)).forEach(msg -> out.add(new SpecProblem("run.code", "bucket " + msg)));
            if (m.group(2).contains("*") || m.group(2).contains("?") || m.group(2).contains("${")) {
                out.add(new SpecProblem("run.code", "must not contain '*', '?' or '${' (they would act as wildcards in the IAM policy)"));
            }
        } else if (code.contains("://")) {
            out.add(new SpecProblem("run.code", "must be a local folder or s3://bucket/prefix/, not " + Show.quote(code)));
        }
    }

    private static void env(String name, String value, List<SpecProblem> out) {
        if (name == null || !ENV_NAME.matcher(name).matches()) {
            out.add(new SpecProblem("run.env", "variable name " + Show.quote(String.valueOf(name))
                    + " must be letters, digits and '_', not starting with a digit"));
        } else if (name.startsWith("HANGAR_")) {
            out.add(new SpecProblem("run.env." + name, "names starting with HANGAR_ are set by Hangar itself"));
        }
        if (value == null) {
            out.add(new SpecProblem("run.env." + name, "must be a string, not null"));
        } else if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
            out.add(new SpecProblem("run.env." + name, "must be one line (no newline or NUL)"));
        }
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
