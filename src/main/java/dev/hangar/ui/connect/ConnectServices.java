package dev.hangar.ui.connect;

import dev.hangar.auth.Sleeper;
import dev.hangar.connect.SelfCommand;
import dev.hangar.connect.SshConfigWriter;
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
 * @param ssh      "Add to SSH config" writes through this (the user's ~/.ssh; a test's folder)
 */
public record ConnectServices(TerminalLauncher terminal, Supplier<SelfCommand> self, PollSchedule schedule, Sleeper sleeper,
                              SshConfigWriter ssh) {

    /** With the user's own ~/.ssh. */
    public ConnectServices(TerminalLauncher terminal, Supplier<SelfCommand> self, PollSchedule schedule, Sleeper sleeper) {
        this(terminal, self, schedule, sleeper, SshConfigWriter.forThisUser());
    }

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
