package dev.hangar.connect;

import dev.hangar.spec.ShellWord;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a command's words into the text another program reads them back from, word for word: a POSIX shell, an
 * AppleScript string, a Windows program's command line. Nothing in a word is ever run or expanded on the way.
 */
public final class CommandLineWords {

    private CommandLineWords() {
    }

    /** For a POSIX shell: each word as is when plain, else single-quoted. */
    public static String posix(List<String> words) {
        return words.stream().map(ShellWord::quote).collect(Collectors.joining(" "));
    }

    /** An AppleScript string literal (with its double quotes) whose value is {@code text}. */
    public static String appleScriptString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /**
     * One argument of a Windows command line, read back by the C runtime's rules (CommandLineToArgvW), always in double
     * quotes: backslashes are literal except before a quote, where they are doubled, and a quote is escaped. Always
     * quoted also because Java's ProcessBuilder then passes the word on as it is, rather than quoting it its own way.
     */
    public static String windows(String word) {
        StringBuilder out = new StringBuilder("\"");
        int backslashes = 0;
        for (char c : word.toCharArray()) {
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                out.append("\\".repeat(2 * backslashes + 1));
            } else {
                out.append("\\".repeat(backslashes));
            }
            backslashes = 0;
            out.append(c);
        }
        // Before the closing quote, backslashes are doubled so that it still closes.
        return out.append("\\".repeat(2 * backslashes)).append('"').toString();
    }

    /** A whole Windows command line, for a person to paste into a console. */
    public static String windows(List<String> words) {
        return words.stream().map(CommandLineWords::windows).collect(Collectors.joining(" "));
    }
}
