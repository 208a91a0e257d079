package dev.hangar.spec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks {@code run}. Setup, command, environment and code travel in the instance's user data (16 KB in all, with the
 * first-boot script), so their size is bounded here, in the bytes they take there; whether a local {@code run.code} folder exists is checked by
 * the engine before any AWS call, since the spec alone cannot tell.
 */
final class RunRules {

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
        for (Map.Entry<String, String> e : run.env().entrySet()) {
            env(e.getKey(), e.getValue(), out);
        }
        if (run.env().size() > MAX_ENV) {
            out.add(new SpecProblem("run.env", "at most " + MAX_ENV + " variables, not " + run.env().size()));
        }
        int bytes = userDataBytes(spec);
        if (bytes > RunSpec.MAX_USER_DATA_BYTES) {
            out.add(new SpecProblem("run", "setup, command, env and code take " + bytes + " bytes of the instance's user data,"
                    + " at most " + RunSpec.MAX_USER_DATA_BYTES + " (EC2 allows 16 KB, most of it the first-boot script);"
                    + " put longer scripts in the code folder and call them"));
        }
        // Mountpoint mounts whole folders, and the code archive lands under <dataPrefix>hangar/.
        if (!spec.dataPrefix().isEmpty() && !spec.dataPrefix().endsWith("/")) {
            out.add(new SpecProblem("dataPrefix", "must end with '/' for a run (it is mounted at /mnt/s3 as a folder), not "
                    + Show.quote(spec.dataPrefix())));
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

    /**
     * What the run takes in the user data, in bytes: setup, command and env in UTF-8, an env value's {@code \\} and
     * {@code "} once more (escaped in the systemd environment file) and 4 per variable (its quotes, '=' and newline); the
     * data prefix and the S3 code twice (a quoted shell word is at most about twice its text).
     */
    static int userDataBytes(LaunchSpec spec) {
        return userDataBytes(spec.run(), spec.dataPrefix());
    }

    static int userDataBytes(RunSpec run, String dataPrefix) {
        int bytes = utf8(run.setup()) + utf8(run.command()) + 2 * utf8(dataPrefix) + (run.codeInS3() ? 2 * utf8(run.code()) : 0);
        for (Map.Entry<String, String> e : run.env().entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue();
            bytes += utf8(e.getKey()) + utf8(value) + 4 + (int) value.chars().filter(c -> c == '\\' || c == '"').count();
        }
        return bytes;
    }

    private static int utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
