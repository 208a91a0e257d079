package dev.hangar.connect;

import dev.hangar.aws.AwsClients;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;

/**
 * "Open Jupyter" on a launch's instance, for the command line and the window alike: JupyterLab started on the instance
 * with a fresh token through Run Command ({@link JupyterStartScript}), its port forwarded through Session Manager,
 * and the browser opened at the tokenised address once the forward accepts connections. The token goes to the
 * instance and the browser only; progress messages never carry it.
 */
public final class JupyterLauncher {

    private static final int TAIL_LINES = 20;

    private final AwsClients aws;
    private final JupyterTiming timing;
    private final BrowserOpener browser;

    public JupyterLauncher(AwsClients aws, JupyterTiming timing, BrowserOpener browser) {
        this.aws = aws;
        this.timing = timing;
        this.browser = browser;
    }

    /**
     * What a user would run by hand, with a fresh token: the AWS CLI's send-command, its start-session port forward,
     * and the address to open once both run. Calls nothing and needs no plugin.
     */
    public static List<String> printable(JupyterTarget target, JupyterToken token) {
        return List.of(JupyterStartScript.printable(target, token), SessionManagerPlugin.printable(target.forward()),
                target.url(token).toString());
    }

    /**
     * Starts JupyterLab and the port forward and opens the browser; blocks until the address answers (minutes when
     * JupyterLab must first be installed), so a window calls it off its UI thread.
     *
     * @param progress one line at a time, for the user: what is happening, what the instance said
     * @throws LocalPortInUseException before anything is done, when the local port is taken
     * @throws JupyterStartException   when JupyterLab did not start or the forward did not open; nothing is left running here
     */
    public JupyterSession open(JupyterTarget target, PluginLaunch plugin, Consumer<String> progress) throws JupyterStartException, InterruptedException {
        if (LocalPort.accepts(target.localPort())) {
            throw new LocalPortInUseException(target.localPort());
        }
        JupyterToken token = JupyterToken.random();
        startOnInstance(target, token, progress);
        progress.accept("Forwarding " + target.instanceId() + ":" + target.remotePort() + " to localhost:" + target.localPort());
        Process forwarding = startForwarding(target, plugin);
        try {
            if (!LocalPort.awaitAccepting(target.localPort(), timing.portTimeout(), timing.poll(), forwarding::isAlive)) {
                String why = forwarding.isAlive() ? "did not accept connections within " + timing.portTimeout().toSeconds() + " s"
                        : "ended (exit " + forwarding.exitValue() + ") before localhost:" + target.localPort() + " accepted connections";
                throw new JupyterStartException("JupyterLab runs on the instance, but the port forward " + why);
            }
        } catch (JupyterStartException | InterruptedException | RuntimeException e) {
            forwarding.destroy();
            throw e;
        }
        var url = target.url(token);
        return new JupyterSession(url, browser.open(url), forwarding);
    }

    private void startOnInstance(JupyterTarget target, JupyterToken token, Consumer<String> progress) throws JupyterStartException {
        progress.accept("Starting JupyterLab on " + target.instanceId() + " as " + target.loginUser() + " (Run Command "
                + JupyterStartScript.DOCUMENT + ")");
        RunCommandResult result;
        try {
            result = new RunCommand(aws.ssm(target.region()), timing).run(target.instanceId(), JupyterStartScript.DOCUMENT,
                    JupyterStartScript.COMMENT, JupyterStartScript.DELIVERY_TIMEOUT_SECONDS, JupyterStartScript.parameters(target, token));
        } catch (InvalidInstanceIdException e) {
            throw new JupyterStartException("instance " + target.instanceId() + " is not connected to Systems Manager: it may still be "
                    + "booting (try again in a minute) or be stopped, or its SSM agent has no route to AWS");
        }
        if (!result.succeeded()) {
            throw new JupyterStartException(failure(target, result, token));
        }
        token.mask(result.stdout()).lines().filter(l -> !l.isBlank()).forEach(l -> progress.accept("instance: " + l));
    }

    private static String failure(JupyterTarget target, RunCommandResult result, JupyterToken token) {
        StringBuilder message = new StringBuilder("JupyterLab did not start on " + target.instanceId() + " (Run Command "
                + result.commandId() + ": " + result.status() + (result.responseCode() >= 0 ? ", exit " + result.responseCode() : "") + ")");
        if ("Undelivered".equals(result.status()) || "DeliveryTimedOut".equals(result.status())) {
            message.append(": the instance's SSM agent never picked the command up; is the instance running (hangar status)?");
        }
        appendTail(message, "its output", token.mask(result.stdout()));
        appendTail(message, "its error output", token.mask(result.stderr()));
        return message.toString();
    }

    private static void appendTail(StringBuilder message, String what, String text) {
        List<String> lines = text.lines().toList();
        if (!lines.isEmpty()) {
            message.append(System.lineSeparator()).append(what).append(':');
            lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())
                    .forEach(l -> message.append(System.lineSeparator()).append("  ").append(l));
        }
    }

    private Process startForwarding(JupyterTarget target, PluginLaunch plugin) throws JupyterStartException {
        List<String> command = SessionManagerPlugin.start(plugin.plugin(), target.forward(), aws, plugin.profile(), plugin.ssmEndpoint());
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(plugin.output())
                    .redirectInput(Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new JupyterStartException("could not run " + plugin.plugin() + ": " + e.getMessage());
        }
    }
}
