package dev.hangar.cli;

import dev.hangar.connect.HangarSshFiles;
import dev.hangar.connect.SessionManagerPlugin;
import dev.hangar.connect.SshProxy;
import dev.hangar.connect.SshTarget;
import dev.hangar.journal.LaunchRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** ssh runs this as the ProxyCommand of the entries 'ssh-config' writes; standard output is the SSH connection itself. */
@Command(name = "ssh-proxy", hidden = true, mixinStandardHelpOptions = true,
        description = "ssh's ProxyCommand for a launch (see ssh-config): pushes a fresh key with EC2 Instance Connect and carries the "
                + "connection over Session Manager on standard input and output")
final class SshProxyCommand extends HangarSubcommand {

    @Mixin LaunchOption launch;

    @Override
    public Integer call() throws IOException, InterruptedException {
        try (Engine engine = openEngine()) {
            LaunchRecord record = launch.record(engine.journal(), err());
            SshTarget target;
            try {
                target = SshTarget.of(record);
            } catch (IllegalArgumentException e) {
                err().println("--launch: " + e.getMessage());
                return ExitCode.INVALID;
            }
            Optional<Path> plugin = SessionManagerPlugin.find(System.getenv());
            if (plugin.isEmpty()) {
                err().println(SessionManagerPlugin.NAME + " is not installed: it is AWS's Session Manager plugin, which carries the SSH connection."
                        + System.lineSeparator() + "Install it: " + SessionManagerPlugin.installHint(System.getProperty("os.name", "")));
                return ExitCode.INVALID;
            }
            return new SshProxy(engine.aws(), HangarSshFiles.under(engine.home())).run(target, plugin.get());
        }
    }
}
