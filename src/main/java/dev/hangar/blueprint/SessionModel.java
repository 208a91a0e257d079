package dev.hangar.blueprint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The preferences of the launch's Session Manager shells, kept in a Session document of the launch's own. The
 * region's {@code SSM-SessionManagerRunShell} preferences belong to everyone in the account, so Hangar leaves them
 * alone and names this document when it opens a shell.
 *
 * @param documentName       {@code hangar-<launch id>-shell}
 * @param idleTimeoutMinutes a session nobody types in ends after this long
 * @param maxDurationMinutes no session lasts longer
 */
public record SessionModel(String documentName, int idleTimeoutMinutes, int maxDurationMinutes, Map<String, String> tags) {

    public static final int IDLE_TIMEOUT_MINUTES = 20;
    public static final int MAX_DURATION_MINUTES = 12 * 60;

    private static final ObjectMapper JSON = new ObjectMapper();

    public SessionModel {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** Null when access is ssh: the role then cannot register with Systems Manager, so there are no sessions to shape. */
    static SessionModel of(LaunchSpec spec, LaunchNames names, Map<String, String> tags) {
        return spec.access() == Access.SSM ? new SessionModel(names.sessionDocumentName(), IDLE_TIMEOUT_MINUTES, MAX_DURATION_MINUTES, tags) : null;
    }

    /**
     * The document's content: shells run as {@code loginUser} rather than the agent's sudo-capable ssm-user, start in
     * its home with a login shell (so the image's conda setup applies), and end when idle or too long.
     */
    public String content(String loginUser) {
        ObjectNode doc = JSON.createObjectNode().put("schemaVersion", "1.0")
                .put("description", "Hangar: shells on this launch's instance run as " + loginUser + " and end after "
                        + idleTimeoutMinutes + " idle minutes")
                .put("sessionType", "Standard_Stream");
        ObjectNode inputs = doc.putObject("inputs").put("runAsEnabled", true).put("runAsDefaultUser", loginUser)
                .put("idleSessionTimeout", String.valueOf(idleTimeoutMinutes))
                .put("maxSessionDuration", String.valueOf(maxDurationMinutes));
        inputs.putObject("shellProfile").put("linux", "cd ~ && exec bash -l").put("windows", "");
        return doc.toString();
    }
}
