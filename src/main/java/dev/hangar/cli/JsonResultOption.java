package dev.hangar.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --json} of the commands that launch: the result as JSON on standard output, so progress moves to standard error. */
final class JsonResultOption {

    @Option(names = "--json", description = "Print the result as JSON on standard output (progress goes to standard error)")
    boolean json;

    PrintWriter progress(PrintWriter out, PrintWriter err) {
        return json ? err : out;
    }
}
