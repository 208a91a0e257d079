package dev.hangar.cli;

import dev.hangar.monitor.InstanceAction;
import picocli.CommandLine.Command;

@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start a launch's stopped instance and wait until it runs; a new public IP is put into the connect command.")
final class StartCommand extends InstanceActionCommand {

    @Override
    InstanceAction action() {
        return InstanceAction.START;
    }

    @Override
    String question() {
        return "Start the instance of launch " + launch.id + "? It is charged by the hour while it runs.";
    }
}
