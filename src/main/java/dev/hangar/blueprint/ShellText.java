package dev.hangar.blueprint;

import java.util.Set;
import java.util.stream.Collectors;

/** Text put into the bash user data safely: quoted words, quoted heredocs, and the script without its comments. */
final class ShellText {

    private static final String DELIMITER = "HANGAR_EOF";

    private ShellText() {
    }

    /**
     * One bash word that is exactly {@code s}: in single quotes (each {@code '} as {@code '\''}) or in double quotes
     * (each of {@code \ " $ `} after a backslash), whichever is shorter, so a word is never much more than twice its text.
     */
    static String quote(String s) {
        String single = "'" + s.replace("'", "'\\''") + "'";
        StringBuilder doubled = new StringBuilder(s.length() + 2).append('"');
        s.chars().forEach(c -> {
            if ("\\\"$`".indexOf(c) >= 0) {
                doubled.append('\\');
            }
            doubled.append((char) c);
        });
        doubled.append('"');
        return doubled.length() < single.length() ? doubled.toString() : single;
    }

    /**
     * {@code command <<'DELIMITER'}, the content, the delimiter. A quoted heredoc expands nothing and ends only at a line
     * that is exactly its delimiter, so the delimiter is one no line of the content is.
     */
    static String heredoc(String command, String content) {
        String body = content.endsWith("\n") ? content : content + "\n";
        Set<String> lines = body.lines().collect(Collectors.toSet());
        String delimiter = DELIMITER;
        for (int n = 1; lines.contains(delimiter); n++) {
            delimiter = DELIMITER + "_" + n;
        }
        return command + " <<'" + delimiter + "'\n" + body + delimiter + "\n";
    }

    /**
     * The script without full-line comments, blank lines and indentation, to fit EC2's 16 KB of user data; the shebang
     * stays. Only for Hangar's own scripts: none of them has a heredoc or a quoted string whose lines start with '#' or
     * whose indentation matters (the tests run and shellcheck the result).
     */
    static String withoutComments(String script) {
        StringBuilder out = new StringBuilder(script.length());
        script.lines().forEach(line -> {
            String code = line.strip();
            if (!code.isEmpty() && (!code.startsWith("#") || code.startsWith("#!"))) {
                out.append(code).append('\n');
            }
        });
        return out.toString();
    }
}
