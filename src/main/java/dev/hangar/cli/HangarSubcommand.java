package dev.hangar.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every command under {@code hangar} shares: the global options, picocli's streams, and the engine they configure. */
abstract class HangarSubcommand implements Callable<Integer> {

    @ParentCommand HangarCommand root;
    @Spec CommandSpec command;

    final GlobalOptions global() {
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
        return new Engine(root.global, System.getenv());
    }
}
