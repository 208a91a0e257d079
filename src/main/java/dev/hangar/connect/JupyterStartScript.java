package dev.hangar.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Run Command that starts JupyterLab on the instance: {@code start-jupyter.sh} (see its header) as the
 * {@code commands} of AWS's {@code AWS-RunShellScript} document. The agent runs those lines with {@code sh}, so they
 * write the bash script to a private temporary file through a quoted here-document (nothing in it is expanded) and
 * run it with the user, port and token as environment assignments: values checked by {@link JupyterTarget} and
 * {@link JupyterToken}, single-quoted besides, so nothing in them can be read as shell.
 */
public final class JupyterStartScript {

    public static final String DOCUMENT = "AWS-RunShellScript";
    public static final String COMMENT = "Hangar: start JupyterLab (hangar connect --jupyter)";
    /** How long the script may run: a pip install of JupyterLab plus the wait for it to listen. */
    public static final int EXECUTION_TIMEOUT_SECONDS = 900;
    /** How long the instance's agent has to pick the command up: one offline for longer would leave the user waiting. */
    public static final int DELIVERY_TIMEOUT_SECONDS = 120;

    private static final String END = "HANGAR_START_JUPYTER";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JupyterStartScript() {
    }

    /** The script itself, as it is on the class path. */
    public static String script() {
        try (InputStream in = JupyterStartScript.class.getResourceAsStream("start-jupyter.sh")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.lines().anyMatch(END::equals)) {
                throw new IllegalStateException("start-jupyter.sh must not contain a line " + END + ": it ends the here-document");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document's {@code commands}: one line each, as the AWS CLI and the console send them. */
    public static List<String> commands(JupyterTarget target, JupyterToken token) {
        List<String> lines = new ArrayList<>();
        lines.add("# " + COMMENT + ": JupyterLab as " + target.loginUser() + " on 127.0.0.1:" + target.remotePort());
        lines.add("script=$(mktemp) || exit 5");
        lines.add("cat >\"$script\" <<'" + END + "'");
        lines.addAll(script().lines().toList());
        lines.add(END);
        lines.add("HANGAR_JUPYTER_USER='" + target.loginUser() + "' HANGAR_JUPYTER_PORT='" + target.remotePort()
                + "' HANGAR_JUPYTER_TOKEN='" + token.value() + "' bash \"$script\"");
        lines.add("status=$?");
        lines.add("rm -f \"$script\"");
        lines.add("exit \"$status\"");
        return List.copyOf(lines);
    }

    /** SendCommand's {@code Parameters}. */
    public static Map<String, List<String>> parameters(JupyterTarget target, JupyterToken token) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("commands", commands(target, token));
        parameters.put("executionTimeout", List.of(String.valueOf(EXECUTION_TIMEOUT_SECONDS)));
        return parameters;
    }

    /** The same command as {@code aws ssm send-command}, for {@code --print}. */
    public static String printable(JupyterTarget target, JupyterToken token) {
        return "aws ssm send-command --region " + target.region() + " --instance-ids " + target.instanceId()
                + " --document-name " + DOCUMENT + " --comment " + quote(COMMENT) + " --timeout-seconds " + DELIVERY_TIMEOUT_SECONDS
                + " --parameters " + quote(JSON.valueToTree(parameters(target, token)).toString());
    }

    /** One POSIX shell word. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
