package dev.hangar.review;

import dev.hangar.blueprint.RunModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The run a launch starts, for the review: where its code comes from, what runs (environment variables by name only:
 * their values are the spec's business and may be long), whether the machine stops when it ends, and what the
 * instance's role may touch for it. The launch ID is not known before the launch, so names show it as a placeholder.
 *
 * @param code        the local folder or S3 prefix; null when the run has no code
 * @param codeArchive where a local folder is uploaded; null otherwise
 * @param setup       null when there is none
 * @param envNames    the environment variables' names, in the spec's order
 * @param roleMay     what the role may do for the run, one phrase each
 */
public record RunSummary(String code, String codeArchive, String setup, String command, List<String> envNames,
                         boolean stopWhenDone, String logGroup, int logRetentionDays, List<String> roleMay) {

    static final String LAUNCH_ID = "<launch id>";
    /** Longer shell is cut in the one-line summary; plan prints it whole. */
    private static final int SHOWN_CHARS = 80;

    public RunSummary {
        envNames = List.copyOf(envNames);
        roleMay = List.copyOf(roleMay);
    }

    /** Null when the launch has no run. */
    static RunSummary of(RunModel run) {
        if (run == null) {
            return null;
        }
        String logGroup = RunModel.logGroup(LAUNCH_ID);
        String archive = run.localCode() == null ? null
                : "s3://" + run.dataBucket() + "/" + RunModel.codeArchiveKey(run.dataPrefix(), LAUNCH_ID);
        List<String> roleMay = new ArrayList<>();
        roleMay.add("write to log group " + logGroup + " (create its streams, put events), nothing else in CloudWatch Logs");
        if (archive != null) {
            roleMay.add("read " + archive + " (inside the data prefix it already reads)");
        } else if (run.codeS3Uri() != null) {
            roleMay.add("read " + run.codeS3Uri() + " (list and get, read-only)");
        }
        String code = run.localCode() != null ? run.localCode() : run.codeS3Uri();
        return new RunSummary(code, archive, blankToNull(run.setup()), run.command(), List.copyOf(run.env().keySet()),
                run.stopWhenDone(), logGroup, run.logRetentionDays(), roleMay);
    }

    /** One line: code, setup, command, env names, stop when done, logs. */
    String line() {
        StringBuilder s = new StringBuilder();
        s.append(code == null ? "no code" : codeArchive != null ? code + " (packed and uploaded)" : code);
        if (setup != null) {
            s.append(" · setup: ").append(shown(setup));
        }
        s.append(" · command: ").append(shown(command));
        if (!envNames.isEmpty()) {
            s.append(" · env: ").append(String.join(", ", envNames));
        }
        s.append(stopWhenDone ? " · the machine stops when the run ends" : " · the machine keeps running when the run ends");
        s.append(" · logs in ").append(logGroup).append(" (").append(logRetentionDays).append(" days)");
        return s.toString();
    }

    /** The role's reach for the run, one line. */
    String roleLine() {
        return "may " + String.join("; may ", roleMay);
    }

    private static String shown(String shell) {
        String oneLine = shell.strip().replace('\n', ';').replaceAll("\\s+", " ");
        return oneLine.length() <= SHOWN_CHARS ? oneLine : oneLine.substring(0, SHOWN_CHARS - 1) + "…";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
