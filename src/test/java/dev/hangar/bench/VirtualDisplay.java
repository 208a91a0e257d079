package dev.hangar.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A screen for the app's real window (GTK on X11) when the machine has none: an Xvfb server of our
 * own on a free display. Real windows are what researchers see; Monocle's headless screen, the
 * fallback, composes every frame in Java on the FX thread and so reports stalls no real screen has.
 */
final class VirtualDisplay implements AutoCloseable {

    private final Process xvfb;
    private final String display;

    private VirtualDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    /**
     * The display to use: $DISPLAY when set, else a new Xvfb when installed, else empty (Monocle then). Also empty
     * without GTK 3, which JavaFX's real windows need on Linux: an X server alone (Xvfb installed, GTK not) is no screen.
     */
    static Optional<VirtualDisplay> open() throws IOException, InterruptedException {
        if (!gtkInstalled()) {
            return Optional.empty();
        }
        String existing = System.getenv("DISPLAY");
        if (existing != null && !existing.isBlank()) {
            return Optional.of(new VirtualDisplay(null, existing));
        }
        Optional<Path> binary = Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(p -> java.util.Arrays.stream(p.split(java.io.File.pathSeparator)))
                .map(dir -> Path.of(dir, "Xvfb")).filter(Files::isExecutable).findFirst();
        if (binary.isEmpty()) {
            return Optional.empty();
        }
        // -displayfd: Xvfb picks a free display and writes its number once it accepts connections.
        Process p = new ProcessBuilder(binary.get().toString(), "-displayfd", "1", "-screen", "0", "1920x1200x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String n = number.get(20, TimeUnit.SECONDS);
            if (n == null || n.isBlank()) {
                throw new IllegalStateException("Xvfb ended without a display (exit " + p.waitFor() + ")");
            }
            return Optional.of(new VirtualDisplay(p, ":" + n.trim()));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw new IllegalStateException("Xvfb did not start within 20 s", e);
        }
    }

    /** Whether the dynamic linker knows GTK 3 (ldconfig's cache), as JavaFX's glass needs it to open a window. */
    private static boolean gtkInstalled() throws IOException, InterruptedException {
        for (String ldconfig : new String[] {"/sbin/ldconfig", "/usr/sbin/ldconfig"}) {
            if (Files.isExecutable(Path.of(ldconfig))) {
                Process p = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
                String cache = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                return cache.contains("libgtk-3.so.0");
            }
        }
        return false;
    }

    String name() {
        return display;
    }

    /** Whether this is a screen of our own (Xvfb) rather than the user's. */
    boolean virtual() {
        return xvfb != null;
    }

    @Override
    public void close() {
        if (xvfb != null) {
            xvfb.destroy();
        }
    }
}
