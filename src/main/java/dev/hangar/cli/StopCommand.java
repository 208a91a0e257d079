package dev.hangar.cli;

import dev.hangar.monitor.InstanceAction;
import picocli.CommandLine.Command;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop a launch's instance and wait until it has stopped; its volumes stay (and cost storage).")
final class StopCommand extends InstanceActionCommand {

    @Override
    InstanceAction action() {
        return InstanceAction.STOP;
    }

    @Override
    String question() {
        return "Stop the instance of launch " + launch.id + "? Whatever runs on it ends; its disks are kept.";
    }
}
