package dev.hangar.connect;

import java.util.List;

/** Which terminal program opens a command, and how; or why none can. */
public sealed interface TerminalChoice {

    /**
     * @param terminal the terminal's name, for a status line ("xterm", "Terminal")
     * @param argv     the process to start: the terminal, its options, then the command to run in it
     */
    record Open(String terminal, List<String> argv) implements TerminalChoice {
        public Open {
            argv = List.copyOf(argv);
        }
    }

    /** @param message why no terminal can be opened, ending with the command to run by hand */
    record Unavailable(String message) implements TerminalChoice {
    }
}
