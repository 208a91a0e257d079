package dev.hangar.cli;

import dev.hangar.connect.SessionManagerPlugin;
import dev.hangar.connect.SessionRequest;
import dev.hangar.journal.LaunchRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "connect", mixinStandardHelpOptions = true,
        description = {"Open a Session Manager shell on the launch's instance, or forward one of its ports: no inbound port, no key.",
                "Runs AWS's session-manager-plugin as the AWS CLI does; --print shows the AWS CLI command instead (no plugin needed)."})
final class ConnectCommand extends HangarSubcommand {

    @Mixin LaunchOption launch;

    @Option(names = "--forward", paramLabel = "REMOTE[:LOCAL]",
            description = "Forward the instance's port REMOTE to LOCAL on this machine (LOCAL defaults to REMOTE), e.g. 8888 for Jupyter")
    String forward;

    @Option(names = "--print", description = "Print the AWS CLI command that opens the session, and do nothing else")
    boolean print;

    @Override
    public Integer call() throws IOException, InterruptedException {
        SessionRequest request;
        try (Engine engine = openEngine()) {
            LaunchRecord record = launch.record(engine.journal(), err());
            String instanceId = record.output("instanceId");
            if (instanceId == null) {
                err().println("--launch: launch " + record.launchId() + " has no instance to connect to (" + record.state() + ")");
                return ExitCode.INVALID;
            }
            try {
                request = request(instanceId, record.spec().region());
            } catch (IllegalArgumentException e) {
                err().println("--forward: " + e.getMessage());
                return ExitCode.INVALID;
            }
            if (print) {
                out().println(SessionManagerPlugin.printable(request));
                return ExitCode.OK;
            }
            Optional<Path> plugin = SessionManagerPlugin.find(System.getenv());
            if (plugin.isEmpty()) {
                err().println(SessionManagerPlugin.NAME + " is not installed: it is AWS's Session Manager plugin, without which no session can be opened."
                        + System.lineSeparator() + "Install it: " + SessionManagerPlugin.installHint(System.getProperty("os.name", ""))
                        + System.lineSeparator() + "Or run this in a shell that has it: " + SessionManagerPlugin.printable(request));
                return ExitCode.INVALID;
            }
            String endpoint = SessionManagerPlugin.endpoint(request.region(), engine.settings().endpoint().map(Object::toString));
            List<String> command = SessionManagerPlugin.start(plugin.get(), request, engine.aws(), engine.settings().profile().orElse(null), endpoint);
            if (request.documentName() != null) {
                err().println("Forwarding " + request.instanceId() + ":" + request.parameters().get("portNumber").get(0) + " to localhost:"
                        + request.parameters().get("localPortNumber").get(0) + " until you press Ctrl-C");
            }
            // The plugin owns the terminal: the session's input and output are the user's.
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        }
    }

    private SessionRequest request(String instanceId, String region) {
        if (forward == null) {
            return SessionRequest.shell(instanceId, region);
        }
        String[] ports = forward.split(":", -1);
        if (ports.length > 2) {
            throw new IllegalArgumentException("expected REMOTE or REMOTE:LOCAL, e.g. 8888 or 8888:18888, not " + forward);
        }
        int remote = port(ports[0]);
        return SessionRequest.forward(instanceId, region, remote, ports.length == 2 ? port(ports[1]) : remote);
    }

    private static int port(String text) {
        try {
            int p = Integer.parseInt(text.trim());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("a port is a number from 1 to 65535, not \"" + text + "\"");
    }
}
