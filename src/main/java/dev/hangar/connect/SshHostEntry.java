package dev.hangar.connect;

import dev.hangar.aws.AwsSettings;
import dev.hangar.journal.LaunchRecord;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code Host hangar-<name>} block for one launch. Its ProxyCommand runs Hangar itself ({@code ssh-proxy}),
 * which pushes a fresh key through EC2 Instance Connect and carries the connection over Session Manager: no
 * inbound port, no key kept anywhere. ssh reads the IdentityFile only once the proxy is running, by which time the
 * proxy has written the key there; the instance's host key goes to Hangar's own known_hosts.
 *
 * @param proxyCommand the command line of the proxy, one argument per element
 */
public record SshHostEntry(SshTarget target, HangarSshFiles files, List<String> proxyCommand) {

    public SshHostEntry {
        proxyCommand = List.copyOf(proxyCommand);
    }

    /**
     * The entry for a launch, with the proxy run by this same Hangar ({@link SelfCommand#current()}) on the same
     * home, profile and endpoint as the caller, so that it finds the same journal and the same account.
     *
     * @throws IllegalArgumentException when the launch has no instance
     */
    public static SshHostEntry forLaunch(LaunchRecord record, Path hangarHome, AwsSettings aws) {
        return of(SshTarget.of(record), hangarHome, aws, SelfCommand.current());
    }

    public static SshHostEntry of(SshTarget target, Path hangarHome, AwsSettings aws, SelfCommand hangar) {
        Path home = hangarHome.toAbsolutePath().normalize();
        List<String> args = new ConnectInvocation(home, aws).globalOptions();
        args.addAll(List.of("ssh-proxy", "--launch", target.launchId()));
        return new SshHostEntry(target, HangarSshFiles.under(home), hangar.with(args));
    }

    /** {@code hangar-<name>}: {@code ssh hangar-<name>}, and the host VS Code Remote-SSH lists. */
    public String hostAlias() {
        return target.hostAlias();
    }

    /** The block as ssh_config text, lines ending in {@code \n}; to copy, print, or write with {@link SshConfigWriter}. */
    public String text() {
        return "Host " + hostAlias() + "\n"
                + "    # Hangar launch " + target.launchId() + " (" + target.region() + "): Session Manager and EC2 Instance Connect,"
                + " no open port, a new key for each connection\n"
                + "    HostName " + target.instanceId() + "\n"
                + "    User " + target.loginUser() + "\n"
                + "    ProxyCommand " + SshConfigWord.command(proxyCommand) + "\n"
                + "    IdentityFile " + SshConfigWord.tokenPath(files.keyFile(target.launchId()).toString()) + "\n"
                + "    IdentitiesOnly yes\n"
                // The host key belongs to this launch's instance: a later launch of the same name is a new host, not an attack.
                + "    HostKeyAlias hangar-" + target.launchId() + "\n"
                + "    UserKnownHostsFile " + SshConfigWord.tokenPath(files.knownHosts().toString()) + "\n"
                + "    StrictHostKeyChecking accept-new\n";
    }
}
