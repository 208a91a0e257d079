package dev.hangar.blueprint;

import dev.hangar.spec.BucketAccess;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.RunSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training run a launch starts (spec field {@code run}), resolved: where its code is, what runs, where its output
 * goes. The first-boot script installs {@link #UNIT} from these values; provision uploads a local code folder to
 * {@link #codeArchiveKey} and creates {@link #logGroup}; the role may write only to that group.
 *
 * <p>Log streams in the group (a contract the monitor and {@code hangar logs} read): {@link #RUN_STREAM} carries the
 * setup's and the command's stdout and stderr; {@link #STATE_STREAM} carries one JSON line per change of the run's
 * state, {@code {"state":"setting-up|running|succeeded|failed","exitCode":N,"time":"2026-12-05T22:38:07Z"}}: exitCode
 * is null while setting up or running, and on a failure before setup or the command could run, which adds
 * {@code "reason"} (no Mountpoint, no data volume, no code). The last line is the state now; succeeded and failed are
 * final (a failing setup or command is tried 3 times in all before failed). On the instance (see run-boot.sh and
 * hangar-run.sh): code in S3 is mounted read-only at /mnt/code-s3 and copied once, like a packed folder is unpacked once,
 * into /mnt/data/code; the run's markers are in /mnt/data/.hangar/&lt;launch id&gt;.
 *
 * @param localCode      the spec's local code folder, packed and uploaded before the instance starts; null otherwise
 * @param codeArchiveKey the key in the data bucket of the packed local folder; null when the code is in S3 or absent
 * @param codeS3Uri      the spec's {@code s3://bucket/prefix/} of code to copy as it is; null otherwise
 * @param dataReadWrite  the bucket prefix is mounted read-write (bucketAccess read-write), else read-only
 */
public record RunModel(String setup, String command, Map<String, String> env, boolean stopWhenDone, String localCode,
                       String codeArchiveKey, String codeS3Uri, String dataBucket, String dataPrefix, boolean dataReadWrite,
                       String logGroup, int logRetentionDays) {

    public static final String UNIT = "hangar-run.service";
    public static final String LOG_GROUP_PREFIX = "/hangar/";
    public static final int LOG_RETENTION_DAYS = 30;
    public static final String RUN_STREAM = "run";
    public static final String STATE_STREAM = "state";
    /** On the instance: the bucket prefix (Mountpoint for Amazon S3), the encrypted data volume, checkpoints on it. */
    public static final String DATA_MOUNT = "/mnt/s3";
    public static final String SCRATCH = "/mnt/data";
    public static final String CHECKPOINTS = "/mnt/data/checkpoints";

    public RunModel {
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** Null when the spec has no run. */
    static RunModel of(LaunchSpec spec, LaunchNames names) {
        RunSpec run = spec.run();
        if (run == null) {
            return null;
        }
        boolean local = run.code() != null && !run.codeInS3();
        return new RunModel(run.setup(), run.command(), run.env(), run.stopWhenDone(), local ? run.code() : null,
                local ? codeArchiveKey(spec.dataPrefix(), names.launchId()) : null, run.codeInS3() ? run.code() : null,
                spec.dataBucket(), spec.dataPrefix(), spec.bucketAccess() == BucketAccess.READ_WRITE,
                logGroup(names.launchId()), LOG_RETENTION_DAYS);
    }

    /** {@code <dataPrefix>hangar/<launch id>/code.tar.gz}: under the prefix, so a read-only role can still read it. */
    public static String codeArchiveKey(String dataPrefix, String launchId) {
        return (dataPrefix == null ? "" : dataPrefix) + "hangar/" + launchId + "/code.tar.gz";
    }

    public static String logGroup(String launchId) {
        return LOG_GROUP_PREFIX + launchId;
    }
}
