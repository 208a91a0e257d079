package dev.hangar.connect;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret that opens JupyterLab: 32 bytes from {@link SecureRandom} as 64 hexadecimal digits, fresh for every start.
 * Hex because it travels as a shell word and in a URL without any quoting. {@link #toString()} hides it, so that a
 * token put in a log message by mistake shows nothing.
 */
public final class JupyterToken {

    private static final int BYTES = 32;

    private final String value;

    private JupyterToken(String value) {
        this.value = value;
    }

    public static JupyterToken random(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new JupyterToken(HexFormat.of().formatHex(bytes));
    }

    public static JupyterToken random() {
        return random(new SecureRandom());
    }

    /** The token itself: for the instance and the browser only. */
    public String value() {
        return value;
    }

    /** {@code text} with the token masked, for output that comes back from the instance. */
    public String mask(String text) {
        return text == null ? "" : text.replace(value, "<token>");
    }

    @Override
    public String toString() {
        return "JupyterToken[hidden]";
    }
}
