package dev.hangar.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command under {@code hangar} shares: the global options, picocli's streams, and the engine they configure. */
abstract class HangarSubcommand implements Callable<Integer> {

    @Spec CommandSpec command;

    /** The root command's options, however deep the command sits ({@code hangar network status}). */
    final GlobalOptions global() {
        CommandSpec spec = command;
        while (!(spec.userObject() instanceof HangarCommand root)) {
            spec = spec.parent();
        }
        return root.global;
    }

    final PrintWriter out() {
        return command.commandLine().getOut();
    }

    final PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** The engine for the global options and the process environment; the caller closes it. */
    final Engine openEngine() {
        return new Engine(global(), System.getenv());
    }
}
