package dev.hangar.cli;

import dev.hangar.monitor.InstanceAction;
import picocli.CommandLine.Command;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop a launch's instance and wait until it has stopped; its volumes stay (and cost storage).")
final class StopCommand extends InstanceActionCommand {

    StopCommand() {
        super(InstanceAction.STOP, "Stop the instance of launch %s? Whatever runs on it ends; its disks are kept.");
    }
}
