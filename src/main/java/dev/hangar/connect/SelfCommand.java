package dev.hangar.connect;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs this same Hangar again (for a terminal window, or ssh's ProxyCommand): the native
 * launcher when Hangar was installed from its package, else {@code java -jar hangar.jar}, else (from a build tree or
 * a test) {@code java -cp <class path> dev.hangar.app.Main}.
 *
 * @param prefix the program and the arguments that come before Hangar's own
 */
public record SelfCommand(List<String> prefix) {

    private static final String MAIN = "dev.hangar.app.Main";

    public SelfCommand {
        prefix = List.copyOf(prefix);
    }

    /** How this process was started. */
    public static SelfCommand current() {
        String launcher = System.getProperty("jpackage.app-path");
        if (launcher != null && Files.isExecutable(Path.of(launcher))) {
            return new SelfCommand(List.of(launcher));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java").toString();
        Path code = codeLocation();
        if (code != null && Files.isRegularFile(code) && code.toString().endsWith(".jar")) {
            return new SelfCommand(List.of(java, "-jar", code.toString()));
        }
        return new SelfCommand(List.of(java, "-cp", System.getProperty("java.class.path"), MAIN));
    }

    /** The prefix followed by {@code args}. */
    public List<String> with(List<String> args) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(args);
        return all;
    }

    private static Path codeLocation() {
        try {
            var source = SelfCommand.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
    }

    @Override
    public String toString() {
        return String.join(" ", prefix);
    }
}
