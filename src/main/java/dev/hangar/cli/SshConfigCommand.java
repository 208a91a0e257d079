package dev.hangar.cli;

import dev.hangar.connect.SessionManagerPlugin;
import dev.hangar.connect.SshConfigUpdate;
import dev.hangar.connect.SshConfigWriter;
import dev.hangar.connect.SshHostEntry;
import dev.hangar.connect.SshHostTakenException;
import dev.hangar.journal.LaunchRecord;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ssh-config", mixinStandardHelpOptions = true,
        description = {"Print the ssh Host entry of a launch: 'ssh hangar-<name>' (and scp, rsync, VS Code Remote-SSH) then reach the instance "
                + "through Session Manager with a fresh key pushed by EC2 Instance Connect for each connection; no open port, no stored key.",
                "--write puts it in Hangar's own ssh config file and includes that file from ~/.ssh/config, once."})
final class SshConfigCommand extends HangarSubcommand {

    @Mixin LaunchOption launch;

    @Option(names = "--write", description = "Write the entry to Hangar's ssh config and add an Include of it at the top of ~/.ssh/config "
            + "(once; the rest of the file is left as it is)")
    boolean write;

    @Override
    public Integer call() throws IOException {
        try (Engine engine = openEngine()) {
            LaunchRecord record = launch.record(engine.journal(), err());
            SshHostEntry entry;
            try {
                entry = SshHostEntry.forLaunch(record, engine.home(), engine.settings());
            } catch (IllegalArgumentException e) {
                err().println("--launch: " + e.getMessage());
                return ExitCode.INVALID;
            }
            if (!write) {
                out().print(entry.text());
                out().flush(); // print() does not flush, and the process exits right after
                warnIfNoPlugin();
                return ExitCode.OK;
            }
            SshConfigUpdate update;
            try {
                update = SshConfigWriter.forThisUser().add(entry);
            } catch (SshHostTakenException e) {
                err().println(e.getMessage());
                return ExitCode.FAILED;
            }
            update.describe().forEach(out()::println);
            warnIfNoPlugin();
            return ExitCode.OK;
        }
    }

    /** The entry works only where AWS's plugin is installed; better to hear it now than from a failing ssh. */
    private void warnIfNoPlugin() {
        if (SessionManagerPlugin.find(System.getenv()).isEmpty()) {
            err().println("Note: ssh will need " + SessionManagerPlugin.NAME + ", which is not on the PATH. Install it: "
                    + SessionManagerPlugin.installHint(System.getProperty("os.name", "")));
        }
    }
}
