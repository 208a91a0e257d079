package dev.hangar.cli;

import dev.hangar.monitor.InstanceAction;
import picocli.CommandLine.Command;

@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start a launch's stopped instance and wait until it runs; a new public IP is put into the connect command.")
final class StartCommand extends InstanceActionCommand {

    StartCommand() {
        super(InstanceAction.START, "Start the instance of launch %s? It is charged by the hour while it runs.");
    }
}
