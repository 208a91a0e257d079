package dev.hangar.cli;

import picocli.CommandLine.Command;

/** {@code hangar network status|destroy}: Hangar's shared network per region. */
@Command(name = "network", mixinStandardHelpOptions = true, subcommands = {NetworkStatusCommand.class, NetworkDestroyCommand.class},
        description = {"Hangar's own network in a region (VPC, private and public subnets, NAT gateway, endpoints), shared by every",
                "launch there with network private or isolated: what it has, what uses it, what it costs; and its removal."})
final class NetworkCommand implements Runnable {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec command;

    @Override
    public void run() {
        // "hangar network" alone: say which commands there are.
        command.commandLine().usage(command.commandLine().getOut());
    }
}
