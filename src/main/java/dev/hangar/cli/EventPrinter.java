package dev.hangar.cli;

import dev.hangar.provision.LaunchEvent;
import dev.hangar.provision.LaunchListener;
import java.io.PrintWriter;

/** Prints a launch's events as lines, one at a time even when steps run side by side. */
final class EventPrinter implements LaunchListener {

    private final PrintWriter out;

    EventPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void on(LaunchEvent event) {
        if (event instanceof LaunchEvent.Progress || event instanceof LaunchEvent.Finished) {
            return; // the step lines say as much; the outcome is printed once at the end
        }
        out.println(event.describe());
        out.flush();
    }
}
