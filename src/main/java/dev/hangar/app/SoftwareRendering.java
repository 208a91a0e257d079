package dev.hangar.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

/**
 * Remembers, on Linux, that JavaFX found no OpenGL it could use (a VM, a remote desktop, a machine without a GPU driver)
 * and fell back to its software renderer, so that later starts go straight to that renderer. Probing OpenGL first loads
 * the system's GL driver only to refuse it: with Mesa's software rasteriser that is ~45 MB of memory (libLLVM) for
 * nothing. The choice is probed again once it is {@link #KEEP} old, so a GPU driver installed since is found; a
 * {@code prism.order} given by the user always wins, and nothing is remembered then.
 */
final class SoftwareRendering {

    static final String FILE = "software-rendering";
    static final Duration KEEP = Duration.ofDays(30);
    private static final String PRISM_ORDER = "prism.order";

    private final Path file;
    private final Clock clock;
    private final boolean linux;
    private final Properties system;
    private boolean chosenHere;

    /** @param system the system properties, where JavaFX reads {@code prism.order} when its toolkit starts */
    SoftwareRendering(Path home, String osName, Clock clock, Properties system) {
        this.file = home.resolve(FILE);
        this.clock = clock;
        this.linux = osName.toLowerCase(java.util.Locale.ROOT).startsWith("linux");
        this.system = system;
    }

    static SoftwareRendering forThisMachine(Path home) {
        return new SoftwareRendering(home, System.getProperty("os.name", ""), Clock.systemUTC(), System.getProperties());
    }

    /** Before the toolkit starts: the software renderer when it was the one used last time, and that is recent. */
    void applyBeforeToolkit() {
        if (!linux || system.getProperty(PRISM_ORDER) != null || !recent()) {
            return;
        }
        system.setProperty(PRISM_ORDER, "sw");
        chosenHere = true;
    }

    /**
     * Once the first frame is drawn: what the toolkit chose. Not refreshed when this class chose it, so that the
     * probe comes back after {@link #KEEP}.
     */
    void record(boolean software) {
        if (!linux || chosenHere || system.getProperty(PRISM_ORDER) != null) {
            return;
        }
        try {
            if (software) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, "JavaFX found no usable OpenGL here and drew in software; probed again after "
                        + KEEP.toDays() + " days, or when this file is deleted.\n");
                Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            // Only a start-up shortcut: without it the next start probes OpenGL again.
        }
    }

    private boolean recent() {
        try {
            return Files.isRegularFile(file)
                    && Duration.between(Files.getLastModifiedTime(file).toInstant(), clock.instant()).compareTo(KEEP) < 0;
        } catch (IOException e) {
            return false;
        }
    }
}
