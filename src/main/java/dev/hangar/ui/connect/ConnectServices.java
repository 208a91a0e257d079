package dev.hangar.ui.connect;

import dev.hangar.auth.Sleeper;
import dev.hangar.connect.SelfCommand;
import dev.hangar.connect.TerminalLauncher;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the connect buttons need from the composition root.
 *
 * @param terminal opens the system's terminal window (the app's OS and environment; a test's PATH with a stand-in)
 * @param self     the command line that runs this Hangar again, in that terminal
 * @param schedule how often to ask Session Manager whether the instance is reachable
 * @param sleeper  how the waits between those checks pass
 */
public record ConnectServices(TerminalLauncher terminal, Supplier<SelfCommand> self, PollSchedule schedule, Sleeper sleeper) {

    /** This machine's terminal, this process's command line, the standard schedule. */
    public static ConnectServices forUser() {
        return new ConnectServices(TerminalLauncher.system(), SelfCommand::current, PollSchedule.standard(), Sleeper.real());
    }

    /**
     * No terminal to open (an empty PATH): a click says to run the command by hand. For windows built without the
     * app's composition root, e.g. tests that do not exercise these buttons.
     */
    public static ConnectServices unavailable() {
        return new ConnectServices(new TerminalLauncher("Linux", Map.of()), SelfCommand::current, PollSchedule.standard(), Sleeper.real());
    }
}
