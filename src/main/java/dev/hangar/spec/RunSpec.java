package dev.hangar.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training run a launch starts on its instance (spec field {@code run}): the code, a setup command run once, the
 * command itself, its environment, and whether the machine stops when the command ends. Component names are the JSON
 * field names (a contract).
 *
 * @param code         a local folder (packed and uploaded to the data bucket) or {@code s3://bucket/prefix/}; null =
 *                     no code, the command runs in the login user's home
 * @param setup        shell run once before the first {@code command}; null or blank = none
 * @param command      shell of the run itself (required)
 * @param env          environment variables for setup and command; never secrets (the checklist fails those)
 * @param stopWhenDone the instance stops itself when the command ends, successful or not
 */
public record RunSpec(String code, String setup, String command, Map<String, String> env, boolean stopWhenDone) {

    /** A run stops its machine when it ends unless the spec says otherwise: an idle GPU is the largest waste. */
    public static final boolean DEFAULT_STOP_WHEN_DONE = true;

    /**
     * Room for setup, command, env and code in EC2's 16 KB of user data, after the first-boot script and the run's own
     * scripts (dev.hangar.blueprint.RunUserData; its tests render the largest run accepted and check it fits).
     */
    public static final int MAX_USER_DATA_BYTES = 1_800;

    public RunSpec {
        env = Collections.unmodifiableMap(env == null ? new LinkedHashMap<>() : new LinkedHashMap<>(env));
    }

    /**
     * What this run takes of {@link #MAX_USER_DATA_BYTES} with the spec's data prefix, counted as the validator counts it
     * (the wizard shows it live, so a researcher sees when to move a long script into the code folder).
     */
    public int userDataBytes(String dataPrefix) {
        return RunRules.userDataBytes(this, dataPrefix);
    }

    /** The code is a prefix in S3 rather than a local folder. */
    public boolean codeInS3() {
        return code != null && code.startsWith("s3://");
    }
}
