package dev.hangar.connect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to ask Session Manager for: a shell on the instance, or one of its ports forwarded to this machine.
 *
 * @param documentName null for the default shell document
 * @param parameters   the document's parameters, each a list as Session Manager takes them
 */
public record SessionRequest(String instanceId, String region, String documentName, Map<String, List<String>> parameters) {

    public static final String PORT_FORWARDING = "AWS-StartPortForwardingSession";
    public static final String SSH = "AWS-StartSSHSession";

    public SessionRequest {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static SessionRequest shell(String instanceId, String region) {
        return shell(instanceId, region, null);
    }

    /** @param sessionDocument the launch's own Session document (its shell preferences), null for the region's default */
    public static SessionRequest shell(String instanceId, String region, String sessionDocument) {
        return new SessionRequest(instanceId, region, sessionDocument, Map.of());
    }

    /** A byte stream to the instance's sshd (port 22), for ssh's ProxyCommand, as {@code aws ssm start-session} opens it. */
    public static SessionRequest ssh(String instanceId, String region) {
        return new SessionRequest(instanceId, region, SSH, Map.of("portNumber", List.of("22")));
    }

    /** The instance's {@code remotePort} on {@code localPort} of this machine. */
    public static SessionRequest forward(String instanceId, String region, int remotePort, int localPort) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("portNumber", List.of(String.valueOf(remotePort)));
        p.put("localPortNumber", List.of(String.valueOf(localPort)));
        return new SessionRequest(instanceId, region, PORT_FORWARDING, p);
    }
}
