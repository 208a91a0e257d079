package dev.hangar.connect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads ssh_config text as ssh does, enough to find its {@code Host} and {@code Include} directives. */
final class SshConfigLines {

    private SshConfigLines() {
    }

    /** The lines of {@code content}, without their line ends ({@code \n} or {@code \r\n}). */
    static List<String> lines(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        return lines;
    }

    /** The arguments of {@code line} when its keyword is {@code keyword} (any case, then blanks or {@code =}), else null. */
    static List<String> arguments(String line, String keyword) {
        String s = line.strip();
        if (s.length() <= keyword.length() || !s.substring(0, keyword.length()).toLowerCase(Locale.ROOT).equals(keyword.toLowerCase(Locale.ROOT))) {
            return null;
        }
        String rest = s.substring(keyword.length());
        if (!Character.isWhitespace(rest.charAt(0)) && rest.charAt(0) != '=') {
            return null; // "Hostname" is not "Host"
        }
        rest = rest.strip();
        if (rest.startsWith("=")) {
            rest = rest.substring(1);
        }
        return words(rest);
    }

    /** Blank-separated words; double or single quotes group; an unquoted {@code #} starts a comment. */
    static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
