package dev.hangar.app;

import dev.hangar.cli.HangarCommand;
import javafx.application.Application;

/**
 * Entry point. With no arguments it opens the wizard; with a command it runs headless.
 *
 * <p>This class must not extend {@code Application}: started from the class path (as
 * {@code java -jar} does), such a main class fails with "JavaFX runtime components are missing".
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before anything logs: nothing credential-shaped reaches standard error, whatever the log level.
        System.setErr(RedactingOutputStream.around(System.err));
        if (args.length > 0 && ClassPreload.OPTION.equals(args[0])) { // the installer's class-data training run
            ClassPreload.runForArchive();
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
            if (args.length == 0) {
                System.exit(0); // the toolkit's and the views' threads end with it; the archive is written now
                return;
            }
        }
        if (args.length == 0) {
            var noDisplay = DisplayCheck.missing(System.getProperty("os.name", ""), System.getenv(), System.getProperty("glass.platform"));
            if (noDisplay.isPresent()) {
                System.err.println(noDisplay.get());
                System.exit(2);
            }
            Application.launch(HangarApplication.class);
            return;
        }
        System.exit(HangarCommand.commandLine().execute(args));
    }
}
