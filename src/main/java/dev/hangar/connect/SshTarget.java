package dev.hangar.connect;

import dev.hangar.journal.LaunchRecord;
import dev.hangar.spec.Access;
import java.util.regex.Pattern;

/**
 * The instance of a launch as ssh reaches it: where it is, who logs in, and the host name Hangar gives it. These
 * values end up in an ssh_config file, so each is checked against what AWS and Hangar produce: a hand-edited journal
 * cannot slip an extra directive into the user's ssh configuration.
 *
 * @param availabilityZone null when the journal does not have it (SendSSHPublicKey does without)
 */
public record SshTarget(String launchId, String name, String region, String instanceId, String availabilityZone, String loginUser) {

    /** Launches made before the journal recorded the image's login user ran Amazon Linux images. */
    public static final String DEFAULT_LOGIN_USER = "ec2-user";

    private static final Pattern LAUNCH_ID = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");
    private static final Pattern ZONE = Pattern.compile("[a-z0-9-]{1,40}"); // Local Zones too: us-west-2-lax-1a
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    public SshTarget {
        check("launch ID", launchId, LAUNCH_ID);
        check("name", name, NAME);
        check("region", region, REGION);
        check("instance ID", instanceId, INSTANCE_ID);
        if (availabilityZone != null) {
            check("availability zone", availabilityZone, ZONE);
        }
        check("login user", loginUser, USER);
    }

    /**
     * The launch's instance, from its journal.
     *
     * @throws IllegalArgumentException when the launch has no instance (it failed, or was destroyed), or was made with
     *                                  access "ssh", whose instance has no Session Manager
     */
    public static SshTarget of(LaunchRecord record) {
        if (record.spec().access() == Access.SSH) {
            String connect = record.output("connect");
            throw new IllegalArgumentException("launch " + record.launchId() + " was made with access \"ssh\" (a key pair and port 22 open to"
                    + " your address), so its instance has no Session Manager to carry SSH" + (connect == null ? "" : "; connect with: " + connect));
        }
        String instanceId = record.output("instanceId");
        if (instanceId == null) {
            throw new IllegalArgumentException("launch " + record.launchId() + " has no instance to connect to (" + record.state() + ")");
        }
        String user = record.output("loginUser");
        return new SshTarget(record.launchId(), record.spec().name(), record.spec().region(), instanceId,
                record.output("availabilityZone"), user == null || user.isBlank() ? DEFAULT_LOGIN_USER : user);
    }

    /** {@code hangar-<name>}: what the user types after {@code ssh}. */
    public String hostAlias() {
        return "hangar-" + name;
    }

    private static void check(String what, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("not a valid " + what + " for an SSH host: " + value);
        }
    }
}
