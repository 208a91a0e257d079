package dev.hangar.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads, without initialising, the classes the desktop app loads from its start through a launch and
 * the monitor ({@code startup-classes.txt}, written by the GUI benchmark). The installer runs this once
 * under {@code -XX:ArchiveClassesAtExit}, so that the class-data archive it records holds the window's
 * classes as well as the command line's: it needs no screen, and a cold start then reads those classes
 * ready-made from the archive. A listed class that no longer exists is skipped.
 */
final class ClassPreload {

    static final String OPTION = "--preload-classes";
    static final String LIST = "startup-classes.txt";

    private ClassPreload() {
    }

    /**
     * Loads the listed classes, then, where a headless screen is at hand, builds the windows' views once (see
     * {@link dev.hangar.ui.wizard.ViewRehearsal}).
     */
    static void runForArchive() {
        run();
        try {
            Path scratch = Files.createTempDirectory("hangar-rehearsal");
            try {
                dev.hangar.ui.wizard.ViewRehearsal.run(scratch);
            } finally {
                try (var files = Files.walk(scratch)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return how many of the listed classes were loaded */
    static int run() {
        ClassLoader loader = ClassPreload.class.getClassLoader();
        int loaded = 0;
        try (InputStream in = ClassPreload.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return 0;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String name = lines.readLine(); name != null; name = lines.readLine()) {
                try {
                    Class.forName(name.trim(), false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError gone) {
                    // Renamed or removed since the list was written: it just stays out of the archive.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LIST, e);
        }
        return loaded;
    }
}
