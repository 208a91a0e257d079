package dev.hangar.cli;

import dev.hangar.connect.BrowserOpener;
import dev.hangar.connect.JupyterLauncher;
import dev.hangar.connect.JupyterSession;
import dev.hangar.connect.JupyterStartException;
import dev.hangar.connect.JupyterTarget;
import dev.hangar.connect.JupyterTiming;
import dev.hangar.connect.JupyterToken;
import dev.hangar.connect.LocalPortInUseException;
import dev.hangar.connect.PluginLaunch;
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
                "Runs AWS's session-manager-plugin as the AWS CLI does; --print shows the AWS CLI command instead (no plugin needed).",
                "--jupyter starts JupyterLab on the instance (127.0.0.1 only, a fresh token), forwards it and opens the browser."})
final class ConnectCommand extends HangarSubcommand {

    @Mixin LaunchOption launch;

    @Option(names = "--forward", paramLabel = "REMOTE[:LOCAL]",
            description = "Forward the instance's port REMOTE to LOCAL on this machine (LOCAL defaults to REMOTE), e.g. 8888 for Jupyter")
    String forward;

    @Option(names = "--print", description = "Print the AWS CLI command that opens the session, and do nothing else")
    boolean print;

    @Option(names = "--jupyter", description = "Start JupyterLab on the instance as its login user, bound to 127.0.0.1 with a fresh "
            + "token, forward its port (8888, or --forward REMOTE[:LOCAL]) and open the browser; connecting again restarts it with a new token")
    boolean jupyter;

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
            if (jupyter) {
                return jupyter(engine, instanceId, record.spec().region(), record.output("loginUser"));
            }
            try {
                request = request(instanceId, record.spec().region(), record.output("sessionDocument"));
            } catch (IllegalArgumentException e) {
                err().println("--forward: " + e.getMessage());
                return ExitCode.INVALID;
            }
            if (print) {
                out().println(SessionManagerPlugin.printable(request));
                return ExitCode.OK;
            }
            Optional<Path> plugin = plugin(SessionManagerPlugin.printable(request));
            if (plugin.isEmpty()) {
                return ExitCode.INVALID;
            }
            String endpoint = SessionManagerPlugin.endpoint(request.region(), engine.settings().endpoint().map(Object::toString));
            List<String> command = SessionManagerPlugin.start(plugin.get(), request, engine.aws(), engine.settings().profile().orElse(null), endpoint);
            if (forward != null) {
                err().println("Forwarding " + request.instanceId() + ":" + request.parameters().get("portNumber").get(0) + " to localhost:"
                        + request.parameters().get("localPortNumber").get(0) + " until you press Ctrl-C");
            }
            // The plugin owns the terminal: the session's input and output are the user's.
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        }
    }

    /** --jupyter: the logic is the engine's {@link JupyterLauncher}, which the window's "Open Jupyter" uses too. */
    private int jupyter(Engine engine, String instanceId, String region, String loginUser) throws InterruptedException {
        JupyterTarget target;
        try {
            int[] ports = forward == null ? new int[] {JupyterTarget.DEFAULT_PORT, JupyterTarget.DEFAULT_PORT} : ports();
            target = JupyterTarget.of(instanceId, region, loginUser, ports[0], ports[1]);
        } catch (IllegalArgumentException e) {
            err().println("--forward: " + e.getMessage());
            return ExitCode.INVALID;
        }
        if (print) {
            JupyterLauncher.printable(target, JupyterToken.random()).forEach(out()::println);
            return ExitCode.OK;
        }
        Optional<Path> plugin = plugin("hangar connect --launch " + launch.id + " --jupyter --print");
        if (plugin.isEmpty()) {
            return ExitCode.INVALID;
        }
        JupyterLauncher launcher = new JupyterLauncher(engine.aws(), global().fastPolling ? JupyterTiming.fast() : JupyterTiming.aws(),
                BrowserOpener.forThisMachine());
        PluginLaunch run = new PluginLaunch(plugin.get(), engine.settings().profile().orElse(null),
                SessionManagerPlugin.endpoint(region, engine.settings().endpoint().map(Object::toString)), ProcessBuilder.Redirect.INHERIT);
        try (JupyterSession session = launcher.open(target, run, line -> err().println(line))) {
            // Shown once, as Jupyter itself does; never logged. Who can read this terminal can open the notebook.
            err().println("JupyterLab: " + session.url());
            err().println(session.browserOpened() ? "(opened in your browser; the port forward runs until you press Ctrl-C)"
                    : "No browser opener on this machine: open the address above in your browser. Ctrl-C ends the port forward.");
            err().flush();
            return session.waitFor();
        } catch (LocalPortInUseException e) {
            err().println("--forward: " + e.getMessage() + ", e.g. --forward " + target.remotePort() + ":" + (e.port() == 18888 ? 28888 : 18888));
            return ExitCode.INVALID;
        } catch (JupyterStartException e) {
            err().println(e.getMessage());
            return ExitCode.FAILED;
        }
    }

    /** The plugin; when it is missing, says how to install it (exit 2 follows) and what to run elsewhere instead. */
    private Optional<Path> plugin(String printable) {
        Optional<Path> plugin = SessionManagerPlugin.find(System.getenv());
        if (plugin.isEmpty()) {
            err().println(SessionManagerPlugin.NAME + " is not installed: it is AWS's Session Manager plugin, without which no session can be opened."
                    + System.lineSeparator() + "Install it: " + SessionManagerPlugin.installHint(System.getProperty("os.name", ""))
                    + System.lineSeparator() + "Or run this in a shell that has it: " + printable);
        }
        return plugin;
    }

    private SessionRequest request(String instanceId, String region, String sessionDocument) {
        if (forward == null) {
            return SessionRequest.shell(instanceId, region, sessionDocument);
        }
        int[] ports = ports();
        return SessionRequest.forward(instanceId, region, ports[0], ports[1]);
    }

    /** --forward REMOTE[:LOCAL] as {remote, local}. */
    private int[] ports() {
        String[] ports = forward.split(":", -1);
        if (ports.length > 2) {
            throw new IllegalArgumentException("expected REMOTE or REMOTE:LOCAL, e.g. 8888 or 8888:18888, not " + forward);
        }
        int remote = port(ports[0]);
        return new int[] {remote, ports.length == 2 ? port(ports[1]) : remote};
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
