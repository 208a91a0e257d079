package dev.hangar.connect;

/**
 * One of the instance's ports forwarded to this machine, as {@code hangar connect --forward REMOTE[:LOCAL]} takes it.
 *
 * @param remote the port on the instance
 * @param local  the port on this machine (the same as {@code remote} unless asked otherwise)
 */
public record PortForward(int remote, int local) {

    public PortForward {
        requirePort("the instance's port", remote);
        requirePort("the local port", local);
    }

    /**
     * Reads {@code REMOTE} or {@code REMOTE:LOCAL}, e.g. {@code 8888} or {@code 8888:18888}.
     *
     * @throws IllegalArgumentException saying in words what is wrong, for the person who typed it
     */
    public static PortForward parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Type the instance's port, e.g. 8888, or 8888:18888 to use another port here.");
        }
        String[] ports = t.split(":", -1);
        if (ports.length > 2) {
            throw new IllegalArgumentException("Expected a port or two ports joined by one colon, e.g. 8888 or 8888:18888, not \"" + t + "\".");
        }
        int remote = port("The instance's port", ports[0]);
        return new PortForward(remote, ports.length == 2 ? port("The local port", ports[1]) : remote);
    }

    /** {@code REMOTE:LOCAL}, as {@code --forward} takes it. */
    public String option() {
        return remote + ":" + local;
    }

    private static int port(String which, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(which + " is missing: a port is a number from 1 to 65535.");
        }
        try {
            int p = Integer.parseInt(t);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(which + " must be a number from 1 to 65535, not \"" + t + "\".");
    }

    private static void requirePort(String which, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(which + " must be a number from 1 to 65535, not " + port + ".");
        }
    }
}
