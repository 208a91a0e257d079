package dev.hangar.blueprint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first-boot script of a launch with a run: first-boot.sh's functions, the run's parameters as quoted shell words,
 * its files (the unit's wrapper and stop hook, setup, command, environment) as quoted heredocs, then run-boot.sh, which
 * replaces first-boot.sh's three-line main. Setup, command and environment stay readable in the user data (the
 * checklist's secret rule reads them there), and nothing in them is ever run by the boot script itself.
 */
final class RunUserData {

    /** first-boot.sh's main, which run-boot.sh replaces with its own. */
    static final String FIRST_BOOT_MAIN = "setup_data_volume &\nsetup_gpu_metrics\nwait\n";
    private static final Pattern LAUNCH_ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern S3_URI = Pattern.compile("s3://([^/]+)/(.*)");

    private RunUserData() {
    }

    static String render(RunModel run) {
        String firstBoot = UserData.script();
        if (!firstBoot.endsWith(FIRST_BOOT_MAIN)) {
            throw new IllegalStateException("first-boot.sh must end with its main, " + FIRST_BOOT_MAIN.replace("\n", "; ")
                    + "which the run's script replaces");
        }
        StringBuilder out = new StringBuilder(UserData.MAX_BYTES);
        out.append(ShellText.withoutComments(firstBoot.substring(0, firstBoot.length() - FIRST_BOOT_MAIN.length())));
        parameters(run).forEach((name, value) -> out.append(name).append('=').append(value).append('\n'));
        out.append("mkdir -p \"$root/etc/hangar\" \"$root/usr/local/lib/hangar\"\n");
        out.append(ShellText.heredoc("cat >\"$root/usr/local/lib/hangar/hangar-run.sh\"",
                ShellText.withoutComments(UserData.resource("hangar-run.sh"))));
        if (run.stopWhenDone()) {
            out.append(ShellText.heredoc("cat >\"$root/usr/local/lib/hangar/hangar-run-stopped.sh\"",
                    ShellText.withoutComments(UserData.resource("hangar-run-stopped.sh"))));
        }
        if (run.setup() != null && !run.setup().isBlank()) {
            out.append(ShellText.heredoc("cat >\"$root/etc/hangar/run-setup.sh\"", run.setup()));
        }
        out.append(ShellText.heredoc("cat >\"$root/etc/hangar/run-command.sh\"", run.command()));
        // Mode 0600 from its first byte: systemd (root) reads it for the unit; other users of the machine do not.
        out.append(ShellText.heredoc("(umask 077 && cat >\"$root/etc/hangar/run.env\")", SystemdEnvironmentFile.of(environment(run))));
        out.append(ShellText.withoutComments(UserData.resource("run-boot.sh")));
        return out.toString();
    }

    /** run-boot.sh's parameters, in the order written. */
    static Map<String, String> parameters(RunModel run) {
        String launchId = run.logGroup().substring(RunModel.LOG_GROUP_PREFIX.length());
        if (!LAUNCH_ID.matcher(launchId).matches()) {
            throw new IllegalArgumentException("launch ID " + launchId + " must be lowercase letters, digits and '-'");
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("launch_id", launchId);
        p.put("log_group", RunModel.LOG_GROUP_PREFIX + launchId);
        p.put("data_bucket", ShellText.quote(run.dataBucket()));
        p.put("data_prefix", ShellText.quote(run.dataPrefix() == null ? "" : run.dataPrefix()));
        p.put("data_read_write", String.valueOf(run.dataReadWrite()));
        String codeBucket = "";
        String codePrefix = "";
        String codeKind = run.codeArchiveKey() != null ? "archive" : "none";
        if (run.codeS3Uri() != null) {
            Matcher m = S3_URI.matcher(run.codeS3Uri());
            if (!m.matches()) {
                throw new IllegalArgumentException("run.code " + run.codeS3Uri() + " must be s3://bucket/prefix/");
            }
            codeKind = "s3";
            codeBucket = m.group(1);
            codePrefix = m.group(2);
        }
        p.put("code_kind", codeKind);
        p.put("code_bucket", ShellText.quote(codeBucket));
        p.put("code_prefix", ShellText.quote(codePrefix));
        p.put("stop_when_done", String.valueOf(run.stopWhenDone()));
        return p;
    }

    /** The run's environment and Hangar's three folders (the spec refuses HANGAR_* names of its own). */
    static Map<String, String> environment(RunModel run) {
        Map<String, String> env = new LinkedHashMap<>(run.env());
        env.put("HANGAR_DATA", RunModel.DATA_MOUNT);
        env.put("HANGAR_SCRATCH", RunModel.SCRATCH);
        env.put("HANGAR_CHECKPOINTS", RunModel.CHECKPOINTS);
        return env;
    }
}
