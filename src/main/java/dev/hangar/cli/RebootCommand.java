package dev.hangar.cli;

import dev.hangar.monitor.InstanceAction;
import picocli.CommandLine.Command;

@Command(name = "reboot", mixinStandardHelpOptions = true, description = "Reboot a launch's instance (it keeps running and its address).")
final class RebootCommand extends InstanceActionCommand {

    RebootCommand() {
        super(InstanceAction.REBOOT, "Reboot the instance of launch %s? Whatever runs on it ends.");
    }
}
