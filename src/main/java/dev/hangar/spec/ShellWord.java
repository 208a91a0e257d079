package dev.hangar.spec;

import java.util.regex.Pattern;

/**
 * One word of a POSIX shell command line, such as a file path in a command Hangar prints for the user to paste: quoted
 * only when it needs to be, so that the usual path stays readable and an unusual one (a space, a quote, {@code $}) stays
 * one word and is not expanded.
 */
public final class ShellWord {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./@%+=:,-]+");

    private ShellWord() {
    }

    /** {@code word} as the shell reads it back unchanged: as is when plain, else in single quotes. */
    public static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        // Inside single quotes nothing is special but the quote itself: close, escape it, reopen.
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The inverse of {@link #quote} for what it produces; anything else is returned as it is. */
    public static String unquote(String quoted) {
        if (quoted.length() >= 2 && quoted.startsWith("'") && quoted.endsWith("'")) {
            return quoted.substring(1, quoted.length() - 1).replace("'\\''", "'");
        }
        return quoted;
    }
}
