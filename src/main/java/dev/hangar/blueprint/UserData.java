package dev.hangar.blueprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The first-boot script: the data volume at /mnt/data, and the CloudWatch agent for GPU metrics (see the README); with a
 * run, also the bucket at /mnt/s3 and hangar-run.service (see {@link RunUserData}).
 */
public final class UserData {

    /** EC2 refuses user data over 16 KB (counted before its base64 encoding). */
    public static final int MAX_BYTES = 16 * 1024;

    private UserData() {
    }

    /** The script of a launch without a run: first-boot.sh as it is. */
    public static String script() {
        return resource("first-boot.sh");
    }

    /** The script of a launch with the run, or {@link #script()} when run is null. */
    public static String script(RunModel run) {
        return run == null ? script() : RunUserData.render(run);
    }

    static String resource(String name) {
        try (InputStream in = UserData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name + " beside " + UserData.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
