package dev.hangar.cli;

import dev.hangar.blueprint.Version;
import dev.hangar.spec.InvalidSpecException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** The headless command line; with no command at all, {@code Main} opens the wizard instead. */
@Command(name = "hangar",
        mixinStandardHelpOptions = true,
        versionProvider = HangarCommand.VersionProvider.class,
        subcommands = {PlanCommand.class, LaunchCommand.class, StatusCommand.class, DestroyCommand.class, ExportCommand.class,
                ResumeCommand.class, SweepCommand.class, StopCommand.class, StartCommand.class, RebootCommand.class, LoginCommand.class,
                ConnectCommand.class, SshConfigCommand.class, SshProxyCommand.class, NetworkCommand.class,
                ClusterCommand.class, LogsCommand.class},
        description = {"Launch secure GPU machines for AI training on AWS.",
                "Run without arguments to open the wizard."})
public final class HangarCommand implements Runnable {

    @Mixin GlobalOptions global;

    /** The command line with Hangar's exit codes: 2 for an invalid spec or option, 1 for any other failure. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new HangarCommand());
        cli.setExecutionExceptionHandler(HangarCommand::handle);
        return cli;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof ReportedFailure reported) {
            err.flush();
            return reported.exitCode;
        }
        if (e instanceof InvalidSpecException invalid) {
            err.println(invalid.getMessage());
            err.flush();
            return ExitCode.INVALID;
        }
        if (e instanceof dev.hangar.aws.MissingCredentialsException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCode.FAILED;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCode.INVALID;
        }
        // No stack trace for the user: what failed, in words, with anything credential-shaped cut out.
        err.println("error: " + dev.hangar.blueprint.AwsErrors.brief(e));
        err.flush();
        return ExitCode.FAILED;
    }

    @Override
    public void run() {
        // Reached only with options but no command (e.g. "hangar --profile x"): say what to do.
        new picocli.CommandLine(this).usage(System.out);
    }

    static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Hangar " + Version.current(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
