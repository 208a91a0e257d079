package dev.hangar.blueprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The first-boot script: the data volume at /mnt/data, and the CloudWatch agent for GPU metrics (see the README). */
public final class UserData {

    /** EC2 refuses user data over 16 KB (counted before its base64 encoding). */
    public static final int MAX_BYTES = 16 * 1024;

    private UserData() {
    }

    public static String script() {
        try (InputStream in = UserData.class.getResourceAsStream("first-boot.sh")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
