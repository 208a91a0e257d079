package dev.hangar.app;

import dev.hangar.ui.FirstFrame;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Tells a benchmark when the first frame of a window was rendered: with {@code -Dhangar.startupProbe} set,
 * {@link #arm(Stage)} prints one line to standard output,
 * {@code hangar-first-frame uptimeMs=<ms since the process started> cpuMs=<CPU time of all its threads so far>};
 * with {@code -Dhangar.startupProbe=exit} the app then exits. Without the property it does nothing at all.
 *
 * <p>The first frame is detected as {@link FirstFrame} does, with public JavaFX API only: the second pulse
 * after the stage shows, then a 1×1 snapshot that waits for the render thread to finish that frame.
 * (Measured: for the wizard, rendering went on ~100 ms past the second pulse; the snapshot's own cost is the
 * same for any window.)
 *
 * <p>The uptime is the time since the process started. Not {@code RuntimeMXBean.getUptime()}: the app's runtime
 * image has no {@code java.management}, and loading it costs ~20 ms just before the line. On Linux it is read
 * from {@code /proc} (process start and uptime on the kernel's one clock, 10 ms resolution); elsewhere it is
 * {@link ProcessHandle}'s start instant, whose wall-clock base can be off by a good fraction of a second.
 */
public final class StartupProbe {

    /** The system property that turns the probe on; the value {@code exit} also ends the app after the line. */
    public static final String PROPERTY = "hangar.startupProbe";
    /** What the printed line starts with. */
    public static final String PREFIX = "hangar-first-frame";

    /** Linux's USER_HZ, what /proc counts clock ticks in: 100 on every architecture Java runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private StartupProbe() {
    }

    /** Arms the probe on a stage (shown or about to be shown); a no-op without {@link #PROPERTY}. Call on the FX thread. */
    public static void arm(Stage stage) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null) {
            return;
        }
        arm(stage, System.out, "exit".equals(mode));
    }

    static void arm(Stage stage, PrintStream out, boolean exit) {
        FirstFrame.then(stage, () -> {
            out.println(PREFIX + " uptimeMs=" + uptimeMillis() + " cpuMs=" + cpuMillis());
            out.flush();
            if (exit) {
                Platform.exit();
                // A non-daemon thread (an executor, an SDK client) must not keep the JVM alive.
                System.exit(0);
            }
        });
    }

    /** The process's CPU time, every thread's (JIT and GC too): unlike the uptime, little changed by other load on the machine. */
    static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    static long uptimeMillis() {
        try {
            // Field 22 of /proc/self/stat (the 20th after the command's closing parenthesis): start time in clock ticks since boot.
            String stat = Files.readString(Path.of("/proc/self/stat"));
            long startTicks = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19]);
            String uptime = Files.readString(Path.of("/proc/uptime"));
            long sinceBootMs = Math.round(Double.parseDouble(uptime.substring(0, uptime.indexOf(' '))) * 1000);
            return sinceBootMs - startTicks * 1000 / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException notLinux) {
            return ProcessHandle.current().info().startInstant().map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
        }
    }
}
