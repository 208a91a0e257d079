package dev.hangar.cli;

import java.io.Console;

/** Asks before a command spends or destroys; without a terminal, only {@code --yes} confirms. */
final class Confirmation {

    private Confirmation() {
    }

    static boolean confirmed(boolean yes, String question) {
        if (yes) {
            return true;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    }
}
