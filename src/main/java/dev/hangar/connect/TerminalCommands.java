package dev.hangar.connect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides, for an OS, how to open a terminal window that runs a command: a pure function of the OS name, the
 * environment and a PATH lookup, so that every OS's answer is tested on any OS.
 *
 * <ul>
 * <li>Everywhere first: {@value #OVERRIDE}, a command prefix the command's words are appended to, e.g.
 *     {@code HANGAR_TERMINAL="alacritty -e"} or {@code HANGAR_TERMINAL="kitty --"} (words split at spaces; single or
 *     double quotes group a path with spaces).</li>
 * <li>Linux and other Unix: the first on the PATH of {@code x-terminal-emulator -e}, {@code gnome-terminal --},
 *     {@code konsole -e}, {@code xfce4-terminal -x}, {@code xterm -e}. Each takes the command as separate words, so
 *     no shell reads them; a {@code /bin/sh "$@"} wrapper keeps the window open when the command fails.</li>
 * <li>macOS: {@code osascript} telling Terminal to {@code do script} the command, each word shell-quoted inside an
 *     AppleScript string.</li>
 * <li>Windows: {@code wt.exe} (Windows Terminal), else {@code cmd /c start}; each word in double quotes by the C
 *     runtime's rules. cmd.exe expands {@code %VAR%} even inside quotes, so a word with {@code %} or {@code !} is not
 *     given to it: the command is then shown to run by hand.</li>
 * </ul>
 */
public final class TerminalCommands {

    /** The environment variable that names the terminal to use, as a command prefix. */
    public static final String OVERRIDE = "HANGAR_TERMINAL";

    /** A Unix terminal and the option after which it takes the command as separate words. */
    record Unix(String program, String option) {
    }

    static final List<Unix> UNIX = List.of(new Unix("x-terminal-emulator", "-e"), new Unix("gnome-terminal", "--"),
            new Unix("konsole", "-e"), new Unix("xfce4-terminal", "-x"), new Unix("xterm", "-e"));

    /**
     * Runs the command's words ({@code "$@"}), and when it fails keeps the window open until Enter, so that its
     * message can be read. The words reach the command as positional parameters: the shell never parses them.
     */
    static final String KEEP_OPEN_ON_FAILURE = "\"$@\"; status=$?; if [ \"$status\" -ne 0 ]; then "
            + "printf '\\nHangar ended with status %s. Press Enter to close this window.\\n' \"$status\"; read -r _; fi";

    private TerminalCommands() {
    }

    /**
     * @param osName  {@code os.name}, e.g. "Linux", "Mac OS X", "Windows 11"
     * @param env     the environment the terminal would start in ({@value #OVERRIDE}, ComSpec)
     * @param which   where a program of that name is on the PATH, if it is
     * @param command the command to run in the terminal, word by word
     */
    public static TerminalChoice choose(String osName, Map<String, String> env, Function<String, Optional<Path>> which, List<String> command) {
        Os os = Os.of(osName);
        String override = env.get(OVERRIDE);
        if (override != null && !override.isBlank()) {
            return overridden(os, override, which, command);
        }
        return switch (os) {
            case MAC -> mac(which, command);
            case WINDOWS -> windows(env, which, command);
            case UNIX -> unix(which, command);
        };
    }

    /** The command as a person would type it in a terminal of that OS. */
    public static String byHand(String osName, List<String> command) {
        return byHand(Os.of(osName), command);
    }

    private static String byHand(Os os, List<String> command) {
        return os == Os.WINDOWS ? CommandLineWords.windows(command) : CommandLineWords.posix(command);
    }

    enum Os {
        UNIX, MAC, WINDOWS;

        static Os of(String osName) {
            String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
            return os.startsWith("mac") || os.contains("darwin") ? MAC : os.startsWith("windows") ? WINDOWS : UNIX;
        }
    }

    private static TerminalChoice unix(Function<String, Optional<Path>> which, List<String> command) {
        for (Unix t : UNIX) {
            Optional<Path> found = which.apply(t.program());
            if (found.isPresent()) {
                return new TerminalChoice.Open(t.program(), join(List.of(found.get().toString(), t.option()), keepOpen(command)));
            }
        }
        return none("No terminal program was found on the PATH (looked for "
                + String.join(", ", UNIX.stream().map(Unix::program).toList()) + ").", Os.UNIX, command);
    }

    private static TerminalChoice mac(Function<String, Optional<Path>> which, List<String> command) {
        String osascript = which.apply("osascript").map(Path::toString).orElse("/usr/bin/osascript");
        String script = "do script " + CommandLineWords.appleScriptString(CommandLineWords.posix(command));
        return new TerminalChoice.Open("Terminal", List.of(osascript, "-e", "tell application \"Terminal\"", "-e", "activate", "-e", script,
                "-e", "end tell"));
    }

    private static TerminalChoice windows(Map<String, String> env, Function<String, Optional<Path>> which, List<String> command) {
        Optional<String> unsafe = command.stream().filter(w -> w.indexOf('"') >= 0 || w.chars().anyMatch(Character::isISOControl)).findFirst();
        if (unsafe.isPresent()) {
            return none("A word of the command holds a double quote or a control character, which no Windows terminal passes on safely: "
                    + unsafe.get() + ".", Os.WINDOWS, command);
        }
        Optional<Path> wt = which.apply("wt.exe");
        if (wt.isPresent()) {
            // Windows Terminal splits its own command line at ';' (its subcommand separator), even inside quotes.
            List<String> words = command.stream().map(w -> CommandLineWords.windows(w.replace(";", "\\;"))).toList();
            return new TerminalChoice.Open("Windows Terminal", join(List.of(wt.get().toString(), "new-tab", "--title", "Hangar", "--"), words));
        }
        if (command.stream().anyMatch(w -> w.indexOf('%') >= 0 || w.indexOf('!') >= 0)) {
            return none("Windows Terminal (wt.exe) is not installed, and cmd.exe would expand the % or ! in the command.", Os.WINDOWS, command);
        }
        String cmd = which.apply("cmd.exe").map(Path::toString).orElse(env.getOrDefault("ComSpec", "cmd.exe"));
        // start's first quoted word is the window's title; the rest is the command, each word quoted.
        List<String> words = command.stream().map(CommandLineWords::windows).toList();
        return new TerminalChoice.Open("Command Prompt", join(List.of(cmd, "/c", "start", "\"Hangar\""), words));
    }

    private static TerminalChoice overridden(Os os, String override, Function<String, Optional<Path>> which, List<String> command) {
        List<String> prefix;
        try {
            prefix = PrefixWords.split(override);
        } catch (IllegalArgumentException e) {
            return none(OVERRIDE + " is not a command prefix: " + e.getMessage() + ".", os, command);
        }
        String program = prefix.get(0);
        Optional<String> path = program.contains("/") || program.contains("\\") ? Optional.of(program)
                : which.apply(program).map(Path::toString);
        if (path.isEmpty()) {
            return none(OVERRIDE + " names " + program + ", which is not on the PATH.", os, command);
        }
        List<String> argv = new ArrayList<>(prefix);
        argv.set(0, path.get());
        List<String> words = switch (os) {
            case WINDOWS -> command.stream().map(CommandLineWords::windows).toList();
            case UNIX, MAC -> keepOpen(command);
        };
        return new TerminalChoice.Open(Path.of(program).getFileName().toString(), join(argv, words));
    }

    private static TerminalChoice none(String why, Os os, List<String> command) {
        return new TerminalChoice.Unavailable(why + " Set " + OVERRIDE + " to open one (e.g. " + OVERRIDE + "=\"alacritty -e\"), or run this in a"
                + " terminal yourself:\n" + byHand(os, command));
    }

    private static List<String> keepOpen(List<String> command) {
        return join(List.of("/bin/sh", "-c", KEEP_OPEN_ON_FAILURE, "hangar"), command);
    }

    private static List<String> join(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return all;
    }
}
