package dev.hangar.connect;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opens an address in the user's browser with the desktop's own opener, found on the PATH: {@code xdg-open} on Linux,
 * {@code open} on macOS, {@code rundll32 url.dll,FileProtocolHandler} on Windows. Where there is none (a server, a
 * container) the caller shows the address instead. AWT's Desktop is avoided: it needs a display toolkit, and the
 * command line runs headless.
 */
public final class BrowserOpener {

    private final Map<String, String> env;
    private final String osName;

    /** @param env the environment whose PATH is searched; {@code osName} as in the system property os.name */
    public BrowserOpener(Map<String, String> env, String osName) {
        this.env = Map.copyOf(env);
        this.osName = osName.toLowerCase(Locale.ROOT);
    }

    public static BrowserOpener forThisMachine() {
        return new BrowserOpener(System.getenv(), System.getProperty("os.name", ""));
    }

    /** The command that would open {@code address}, if this machine has an opener. */
    public Optional<List<String>> command(URI address) {
        if (osName.contains("win")) {
            return find("rundll32.exe").map(p -> List.of(p.toString(), "url.dll,FileProtocolHandler", address.toString()));
        }
        String opener = osName.contains("mac") ? "open" : "xdg-open";
        return find(opener).map(p -> List.of(p.toString(), address.toString()));
    }

    /** Starts the opener and returns at once (it hands the address to the browser and ends); false when there is none. */
    public boolean open(URI address) {
        Optional<List<String>> command = command(address);
        if (command.isEmpty()) {
            return false;
        }
        try {
            new ProcessBuilder(command.get()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Optional<Path> find(String program) {
        return ExecutableSearch.onPath(env, osName).apply(program);
    }

    private File nullDevice() {
        return new File(osName.contains("win") ? "NUL" : "/dev/null");
    }
}
