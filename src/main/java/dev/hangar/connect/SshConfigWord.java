package dev.hangar.connect;

import dev.hangar.spec.ShellWord;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One argument of an ssh_config directive. ssh splits arguments at blanks (double quotes group them), takes
 * {@code #} as the start of a comment, and in some directives expands {@code %} tokens ({@code %%} is a literal
 * {@code %}) and {@code ${VAR}}; a line break cannot be written at all.
 */
final class SshConfigWord {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./@%+=:,~-]+");

    private SshConfigWord() {
    }

    /** A path in a directive that expands tokens (IdentityFile, UserKnownHostsFile). */
    static String tokenPath(String path) {
        if (path.contains("${")) {
            throw new IllegalArgumentException("ssh would expand \"${\" in " + path + " as an environment variable; use a Hangar home without it");
        }
        return quoted(path.replace("%", "%%"));
    }

    /** A path in a directive that does not expand tokens (Include). */
    static String literalPath(String path) {
        return quoted(path);
    }

    /**
     * A command ssh runs with the user's shell (ProxyCommand): the words quoted for a POSIX shell, then every
     * {@code %} doubled, since ssh expands tokens in the whole line before the shell sees it.
     */
    static String command(List<String> argv) {
        StringBuilder line = new StringBuilder();
        for (String arg : argv) {
            requireOneLine(arg);
            line.append(line.length() == 0 ? "" : " ").append(ShellWord.quote(arg));
        }
        return line.toString().replace("%", "%%");
    }

    private static String quoted(String word) {
        requireOneLine(word);
        if (word.contains("\"")) {
            throw new IllegalArgumentException("ssh_config cannot hold a double quote in a path: " + word);
        }
        return PLAIN.matcher(word).matches() ? word : "\"" + word + "\"";
    }

    private static void requireOneLine(String word) {
        if (word.indexOf('\n') >= 0 || word.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("ssh_config cannot hold a line break in " + word.replace("\n", "\\n").replace("\r", "\\r"));
        }
    }
}
