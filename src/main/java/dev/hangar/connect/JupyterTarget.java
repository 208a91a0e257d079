package dev.hangar.connect;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where JupyterLab runs and how it is reached: on the instance as {@code loginUser}, listening on 127.0.0.1:
 * {@code remotePort}, forwarded to localhost:{@code localPort} here. The values are checked because they become shell
 * words, a unit name and a URL.
 *
 * @param loginUser the image's login user (the journal's output {@code loginUser}), e.g. ubuntu or ec2-user
 */
public record JupyterTarget(String instanceId, String region, String loginUser, int remotePort, int localPort) {

    /** JupyterLab's own default port. */
    public static final int DEFAULT_PORT = 8888;
    /** Launches recorded before Hangar kept the login user ran Amazon Linux images. */
    public static final String OLDER_LAUNCHES_USER = "ec2-user";

    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final Pattern INSTANCE = Pattern.compile("i-[0-9a-f]{8,17}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    public JupyterTarget {
        require(INSTANCE.matcher(instanceId).matches(), "not an instance ID: " + instanceId);
        require(REGION.matcher(region).matches(), "not a region: " + region);
        require(USER.matcher(loginUser).matches(), "not a login user name: " + loginUser);
        require(remotePort >= 1 && remotePort <= 65535, "a port is a number from 1 to 65535, not " + remotePort);
        require(localPort >= 1 && localPort <= 65535, "a port is a number from 1 to 65535, not " + localPort);
    }

    /** With the login user the journal recorded, or the one older launches had when it recorded none. */
    public static JupyterTarget of(String instanceId, String region, String recordedLoginUser, int remotePort, int localPort) {
        String user = recordedLoginUser == null || recordedLoginUser.isBlank() ? OLDER_LAUNCHES_USER : recordedLoginUser;
        return new JupyterTarget(instanceId, region, user, remotePort, localPort);
    }

    /** The Session Manager port forward that reaches JupyterLab. */
    public SessionRequest forward() {
        return SessionRequest.forward(instanceId, region, remotePort, localPort);
    }

    /** The address to open in the browser; it carries the token, so it is shown once and never logged. */
    public URI url(JupyterToken token) {
        return URI.create("http://localhost:" + localPort + "/lab?token=" + token.value());
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
