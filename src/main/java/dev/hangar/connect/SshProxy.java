package dev.hangar.connect;

import dev.hangar.aws.AwsClients;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What ssh's ProxyCommand runs: pushes a fresh key with EC2 Instance Connect, writes its private half where the
 * Host entry's IdentityFile points, and carries the connection over a Session Manager {@code AWS-StartSSHSession}
 * through session-manager-plugin, whose standard input and output are ssh's. So this process must print nothing to
 * standard output: every byte there is part of the SSH connection.
 */
public final class SshProxy {

    /** How long EC2 Instance Connect honours a pushed key; the key file need not outlive it. */
    public static final Duration KEY_LIFETIME = Duration.ofSeconds(60);

    private final AwsClients aws;
    private final HangarSshFiles files;

    public SshProxy(AwsClients aws, HangarSshFiles files) {
        this.aws = aws;
        this.files = files;
    }

    /**
     * Runs until the session ends, or the process is told to end (ssh hangs up its ProxyCommand when it is done);
     * either way the plugin is stopped and the key file deleted.
     *
     * @param plugin session-manager-plugin, see {@link SessionManagerPlugin#find}
     * @return the plugin's exit code
     */
    public int run(SshTarget target, Path plugin) throws IOException, InterruptedException {
        EphemeralSshKey key = EphemeralSshKey.generate("hangar " + target.launchId());
        InstanceConnect.pushKey(aws, target, key);
        try (ProxyKeyFile keyFile = ProxyKeyFile.write(files, target.launchId(), key)) {
            String endpoint = SessionManagerPlugin.endpoint(target.region(), aws.settings().endpoint().map(Object::toString));
            List<String> command = SessionManagerPlugin.start(plugin, SessionRequest.ssh(target.instanceId(), target.region()), aws,
                    aws.settings().profile().orElse(null), endpoint);
            Process session = new ProcessBuilder(command).inheritIO().start();
            Thread hangUp = new Thread(() -> {
                session.destroy();
                keyFile.close();
            }, "hangar-ssh-proxy-cleanup");
            Runtime.getRuntime().addShutdownHook(hangUp);
            ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hangar-ssh-key-expiry");
                t.setDaemon(true);
                return t;
            });
            expiry.schedule(keyFile::close, KEY_LIFETIME.toMillis(), TimeUnit.MILLISECONDS);
            try {
                return session.waitFor();
            } finally {
                expiry.shutdownNow();
                removeHook(hangUp);
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it does the same cleanup
        }
    }
}
