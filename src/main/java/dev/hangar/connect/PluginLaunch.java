package dev.hangar.connect;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;

/**
 * How to run {@code session-manager-plugin} for a session: where it is, what the AWS CLI would pass it besides the
 * session (profile, ssm endpoint), and where its own messages go.
 *
 * @param profile     the AWS profile, or null (the plugin then gets an empty one, as from the AWS CLI)
 * @param ssmEndpoint see {@link SessionManagerPlugin#endpoint}
 * @param output      the plugin's standard output and error: the terminal for the command line, a file or pipe for a window
 */
public record PluginLaunch(Path plugin, String profile, String ssmEndpoint, Redirect output) {
}
