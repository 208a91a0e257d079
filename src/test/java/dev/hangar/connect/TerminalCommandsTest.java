package dev.hangar.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.condition.OS.WINDOWS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;

/**
 * Which terminal opens {@code hangar connect} on each OS, and how its words are quoted: a pure function, so every OS
 * is checked here on any OS. Where this machine has a POSIX shell, the quoting is read back by a real one.
 */
class TerminalCommandsTest {

    /** A command whose words a shell, AppleScript or cmd.exe would mangle if they were not quoted. */
    private static final List<String> HANGAR = List.of("/opt/My Apps/hangar/bin/Hangar", "--home", "/home/ann/it's $HOME/`id`;x",
            "--endpoint-url", "http://127.0.0.1:4566", "connect", "--launch", "l-0123abcd");

    private static Function<String, Optional<Path>> onPath(String... programs) {
        Map<String, Path> found = new java.util.HashMap<>();
        for (String p : programs) {
            found.put(p, Path.of("/usr/bin", p));
        }
        return name -> Optional.ofNullable(found.get(name));
    }

    private static TerminalChoice.Open open(TerminalChoice choice) {
        assertThat(choice).isInstanceOf(TerminalChoice.Open.class);
        return (TerminalChoice.Open) choice;
    }

    // Linux

    @Test
    void linuxTakesTheFirstTerminalOnThePathInOrder() {
        assertThat(open(TerminalCommands.choose("Linux", Map.of(), onPath("xterm", "x-terminal-emulator", "konsole"), HANGAR)).argv())
                .startsWith("/usr/bin/x-terminal-emulator", "-e");
        assertThat(open(TerminalCommands.choose("Linux", Map.of(), onPath("xterm", "gnome-terminal", "konsole"), HANGAR)).argv())
                .startsWith("/usr/bin/gnome-terminal", "--");
        assertThat(open(TerminalCommands.choose("Linux", Map.of(), onPath("xterm", "konsole"), HANGAR)).argv())
                .startsWith("/usr/bin/konsole", "-e");
        assertThat(open(TerminalCommands.choose("Linux", Map.of(), onPath("xterm", "xfce4-terminal"), HANGAR)).argv())
                .startsWith("/usr/bin/xfce4-terminal", "-x");
        TerminalChoice.Open xterm = open(TerminalCommands.choose("Linux", Map.of(), onPath("xterm"), HANGAR));
        assertThat(xterm.terminal()).isEqualTo("xterm");
        // The words follow as they are: no shell reads them, the wrapper passes them on as "$@".
        List<String> expected = new ArrayList<>(List.of("/usr/bin/xterm", "-e", "/bin/sh", "-c", TerminalCommands.KEEP_OPEN_ON_FAILURE, "hangar"));
        expected.addAll(HANGAR);
        assertThat(xterm.argv()).containsExactlyElementsOf(expected);
    }

    @Test
    void theOverrideComesFirstAndMayQuoteAPathWithSpaces() {
        Map<String, String> env = Map.of(TerminalCommands.OVERRIDE, "'/opt/My Term/term' --hold -e");
        TerminalChoice.Open chosen = open(TerminalCommands.choose("Linux", env, onPath("x-terminal-emulator"), HANGAR));
        assertThat(chosen.terminal()).isEqualTo("term");
        assertThat(chosen.argv()).startsWith("/opt/My Term/term", "--hold", "-e", "/bin/sh", "-c").endsWith(HANGAR.toArray(String[]::new));

        TerminalChoice.Open byName = open(TerminalCommands.choose("Linux", Map.of(TerminalCommands.OVERRIDE, "kitty --"), onPath("kitty"), HANGAR));
        assertThat(byName.argv()).startsWith("/usr/bin/kitty", "--");
    }

    @Test
    void anOverrideThatIsNotThereIsSaidWithTheCommandToRunByHand() {
        TerminalChoice choice = TerminalCommands.choose("Linux", Map.of(TerminalCommands.OVERRIDE, "alacritty -e"), onPath("xterm"), HANGAR);
        assertThat(choice).isInstanceOf(TerminalChoice.Unavailable.class);
        assertThat(((TerminalChoice.Unavailable) choice).message()).contains("HANGAR_TERMINAL names alacritty, which is not on the PATH")
                .endsWith("\n" + CommandLineWords.posix(HANGAR));
        assertThat(TerminalCommands.choose("Linux", Map.of(TerminalCommands.OVERRIDE, "'unclosed -e"), onPath("xterm"), HANGAR))
                .isInstanceOf(TerminalChoice.Unavailable.class);
    }

    @Test
    void noTerminalAtAllNamesWhatWasTriedAndTheCommand() {
        TerminalChoice choice = TerminalCommands.choose("Linux", Map.of(), onPath(), HANGAR);
        String message = ((TerminalChoice.Unavailable) choice).message();
        assertThat(message).contains("x-terminal-emulator, gnome-terminal, konsole, xfce4-terminal, xterm", "HANGAR_TERMINAL")
                .endsWith("'/opt/My Apps/hangar/bin/Hangar' --home '/home/ann/it'\\''s $HOME/`id`;x' --endpoint-url http://127.0.0.1:4566"
                        + " connect --launch l-0123abcd");
    }

    @Test
    @DisabledOnOs(WINDOWS)
    void theKeepOpenWrapperPassesEveryWordUnreadByTheShell() throws Exception {
        List<String> argv = open(TerminalCommands.choose("Linux", Map.of(), onPath("xterm"), printfEach(HANGAR))).argv();
        List<String> wrapper = argv.subList(2, argv.size()); // what xterm would run
        assertThat(run(wrapper)).containsExactlyElementsOf(HANGAR);
    }

    @Test
    @DisabledOnOs(WINDOWS)
    void thePrintedCommandIsReadBackWordForWordByAShell() throws Exception {
        String byHand = TerminalCommands.byHand("Linux", printfEach(HANGAR));
        assertThat(run(List.of("/bin/sh", "-c", byHand))).containsExactlyElementsOf(HANGAR);
    }

    // macOS

    @Test
    void macOsTellsTerminalToDoTheShellQuotedCommand() {
        TerminalChoice.Open chosen = open(TerminalCommands.choose("Mac OS X", Map.of(), onPath(), HANGAR));
        assertThat(chosen.terminal()).isEqualTo("Terminal");
        assertThat(chosen.argv()).containsExactly("/usr/bin/osascript", "-e", "tell application \"Terminal\"", "-e", "activate", "-e",
                "do script \"'/opt/My Apps/hangar/bin/Hangar' --home '/home/ann/it'\\\\''s $HOME/`id`;x' --endpoint-url"
                        + " http://127.0.0.1:4566 connect --launch l-0123abcd\"",
                "-e", "end tell");
    }

    @Test
    @DisabledOnOs(WINDOWS)
    void theAppleScriptStringHoldsAShellCommandThatReadsBackWordForWord() throws Exception {
        List<String> words = new ArrayList<>(HANGAR);
        words.add("quote \" backslash \\ newline\nend");
        String script = open(TerminalCommands.choose("Mac OS X", Map.of(), onPath(), printfEach(words))).argv().get(6);
        assertThat(script).startsWith("do script \"").endsWith("\"");
        String shellCommand = appleScriptValue(script.substring("do script ".length()));
        assertThat(String.join("\n", run(List.of("/bin/sh", "-c", shellCommand)))).isEqualTo(String.join("\n", words));
    }

    // Windows

    @Test
    void windowsPrefersWindowsTerminalWithEachWordQuoted() {
        List<String> command = List.of("C:\\Program Files\\Hangar\\Hangar.exe", "--home", "C:\\Users\\Ann Lee\\.hangar\\", "--profile",
                "lab;team", "connect", "--launch", "l-1");
        TerminalChoice.Open chosen = open(TerminalCommands.choose("Windows 11", Map.of(), onPath("wt.exe", "cmd.exe"), command));
        assertThat(chosen.terminal()).isEqualTo("Windows Terminal");
        assertThat(chosen.argv()).containsExactly("/usr/bin/wt.exe", "new-tab", "--title", "Hangar", "--",
                "\"C:\\Program Files\\Hangar\\Hangar.exe\"", "\"--home\"", "\"C:\\Users\\Ann Lee\\.hangar\\\\\"", "\"--profile\"",
                "\"lab\\;team\"", "\"connect\"", "\"--launch\"", "\"l-1\"");
    }

    @Test
    void withoutWindowsTerminalCmdStartsTheCommandInANewWindow() {
        List<String> command = List.of("C:\\Program Files\\Hangar\\Hangar.exe", "--home", "C:\\R&D (x86)\\.hangar", "connect", "--launch", "l-1");
        TerminalChoice.Open chosen = open(TerminalCommands.choose("Windows 10", Map.of("ComSpec", "C:\\Windows\\system32\\cmd.exe"), onPath(),
                command));
        assertThat(chosen.terminal()).isEqualTo("Command Prompt");
        // Inside double quotes cmd.exe takes & and ( ) literally.
        assertThat(chosen.argv()).containsExactly("C:\\Windows\\system32\\cmd.exe", "/c", "start", "\"Hangar\"",
                "\"C:\\Program Files\\Hangar\\Hangar.exe\"", "\"--home\"", "\"C:\\R&D (x86)\\.hangar\"", "\"connect\"", "\"--launch\"", "\"l-1\"");
    }

    @Test
    void cmdIsNotGivenAPercentSignItWouldExpandNorAnyWindowsTerminalAQuote() {
        List<String> percent = List.of("C:\\Hangar\\Hangar.exe", "--home", "C:\\100%USERNAME%", "connect", "--launch", "l-1");
        TerminalChoice viaCmd = TerminalCommands.choose("Windows 10", Map.of(), onPath("cmd.exe"), percent);
        assertThat(((TerminalChoice.Unavailable) viaCmd).message()).contains("cmd.exe would expand")
                .endsWith("\n\"C:\\Hangar\\Hangar.exe\" \"--home\" \"C:\\100%USERNAME%\" \"connect\" \"--launch\" \"l-1\"");
        assertThat(TerminalCommands.choose("Windows 10", Map.of(), onPath("wt.exe"), percent)).isInstanceOf(TerminalChoice.Open.class);

        List<String> quote = List.of("C:\\Hangar\\Hangar.exe", "--profile", "a\"b", "connect", "--launch", "l-1");
        assertThat(TerminalCommands.choose("Windows 10", Map.of(), onPath("wt.exe"), quote)).isInstanceOf(TerminalChoice.Unavailable.class);
    }

    @Test
    void windowsQuotingReadsBackByTheCRuntimesRules() {
        for (String word : List.of("plain", "two words", "C:\\dir\\", "C:\\a b\\", "say \"hi\"", "back\\\"slash", "", "\\\\server\\share")) {
            assertThat(commandLineToArgv(CommandLineWords.windows(word))).as(word).containsExactly(word);
        }
    }

    // helpers

    /** {@code printf '%s\n' WORDS}: prints each word on a line of its own, to see what a shell made of them. */
    private static List<String> printfEach(List<String> words) {
        List<String> all = new ArrayList<>(List.of("printf", "%s\\n"));
        all.addAll(words);
        return all;
    }

    private static List<String> run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().toList();
    }

    /** The value of an AppleScript string literal, by AppleScript's escapes. */
    private static String appleScriptValue(String literal) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\\') {
                char e = literal.charAt(++i);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                assertThat(c).as("an unescaped quote would end the string").isNotEqualTo('"');
                out.append(c);
            }
        }
        return out.toString();
    }

    /** CommandLineToArgvW's rules, for the words after the program's name. */
    private static List<String> commandLineToArgv(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inQuotes = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                int n = 0;
                while (i < line.length() && line.charAt(i) == '\\') {
                    n++;
                    i++;
                }
                if (i < line.length() && line.charAt(i) == '"') {
                    word.append("\\".repeat(n / 2));
                    if (n % 2 == 1) {
                        word.append('"');
                    } else {
                        inQuotes = !inQuotes;
                    }
                } else {
                    word.append("\\".repeat(n));
                    i--;
                }
                any = true;
            } else if (c == '"') {
                inQuotes = !inQuotes;
                any = true;
            } else if (c == ' ' && !inQuotes) {
                if (any) {
                    words.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }
}
