package dev.hangar.cli;

import dev.hangar.monitor.InstanceAction;
import picocli.CommandLine.Command;

@Command(name = "reboot", mixinStandardHelpOptions = true, description = "Reboot a launch's instance (it keeps running and its address).")
final class RebootCommand extends InstanceActionCommand {

    @Override
    InstanceAction action() {
        return InstanceAction.REBOOT;
    }

    @Override
    String question() {
        return "Reboot the instance of launch " + launch.id + "? Whatever runs on it ends.";
    }
}
