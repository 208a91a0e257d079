package dev.hangar.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hangar.aws.AwsClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.model.StartSessionResponse;

/**
 * Opens a Session Manager session the way the AWS CLI does: StartSession through the SDK, then AWS's
 * {@code session-manager-plugin} with the session's answer, the region, the operation, the profile, the request and
 * the endpoint, which carries the session over a WebSocket. The session token goes to the plugin only.
 */
public final class SessionManagerPlugin {

    public static final String NAME = "session-manager-plugin";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionManagerPlugin() {
    }

    /** The plugin on the PATH of {@code env}, if it is installed. */
    public static Optional<Path> find(Map<String, String> env) {
        return ExecutableSearch.onPath(env, System.getProperty("os.name", "")).apply(NAME);
    }

    /** How to install the plugin on this OS, in AWS's own words and packages. */
    public static String installHint(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "brew install --cask session-manager-plugin";
        }
        if (os.contains("win")) {
            return "download and run https://s3.amazonaws.com/session-manager-downloads/plugin/latest/windows/SessionManagerPluginSetup.exe";
        }
        return "Debian/Ubuntu: curl -o /tmp/smp.deb https://s3.amazonaws.com/session-manager-downloads/plugin/latest/ubuntu_64bit/"
                + "session-manager-plugin.deb && sudo apt install /tmp/smp.deb; Fedora/RHEL: sudo dnf install -y "
                + "https://s3.amazonaws.com/session-manager-downloads/plugin/latest/linux_64bit/session-manager-plugin.rpm";
    }

    /** The AWS CLI command that opens the same session, for people who prefer it (needs the AWS CLI and the plugin). */
    public static String printable(SessionRequest request) {
        StringBuilder cmd = new StringBuilder("aws ssm start-session --target " + request.instanceId() + " --region " + request.region());
        if (request.documentName() != null) {
            cmd.append(" --document-name ").append(request.documentName());
        }
        if (!request.parameters().isEmpty()) {
            cmd.append(" --parameters '").append(parameters(request)).append('\'');
        }
        return cmd.toString();
    }

    /** Starts the session; the caller runs the returned command (the plugin) in the foreground. */
    public static List<String> start(Path plugin, SessionRequest request, AwsClients aws, String profile, String ssmEndpoint) {
        StartSessionResponse session = aws.ssm(request.region()).startSession(r -> {
            r.target(request.instanceId());
            if (request.documentName() != null) {
                r.documentName(request.documentName());
            }
            if (!request.parameters().isEmpty()) {
                r.parameters(request.parameters());
            }
        });
        ObjectNode answer = JSON.createObjectNode().put("SessionId", session.sessionId()).put("TokenValue", session.tokenValue())
                .put("StreamUrl", session.streamUrl());
        List<String> command = new ArrayList<>(List.of(plugin.toString(), answer.toString(), request.region(), "StartSession",
                profile == null ? "" : profile, requestJson(request), ssmEndpoint));
        return command;
    }

    /** The ssm endpoint the plugin reports the session to: the override when there is one, else the region's. */
    public static String endpoint(String region, Optional<String> override) {
        return override.orElse("https://ssm." + region + ".amazonaws.com");
    }

    private static String requestJson(SessionRequest request) {
        ObjectNode json = JSON.createObjectNode().put("Target", request.instanceId());
        if (request.documentName() != null) {
            json.put("DocumentName", request.documentName());
        }
        if (!request.parameters().isEmpty()) {
            json.set("Parameters", JSON.valueToTree(request.parameters()));
        }
        return json.toString();
    }

    private static String parameters(SessionRequest request) {
        return JSON.valueToTree(request.parameters()).toString();
    }
}
