package io.newsclaims.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code newsclaims} command. */
@Command(name = "newsclaims", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Crawls news sites, extracts sourced claims about cloud providers (market shares, revenues, "
                + "market sizes...) and publishes them to Kafka and a database.", ""},
        subcommands = {RunCommand.class, CrawlCommand.class, ExtractorCommand.class, StoreCommand.class,
                ExtractCommand.class, ArticleCommand.class, EvaluateCommand.class, QueryCommand.class, FactsCommand.class, ServeCommand.class,
                BrokerCommand.class,
                io.newsclaims.app.bench.BenchCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Every option can also be set by its NEWSCLAIMS_* environment variable (see each command's --help).",
                "Logs go to stderr (NEWSCLAIMS_LOG_FORMAT=json for JSON lines, NEWSCLAIMS_LOG_LEVEL=debug for more);",
                "results go to stdout."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int rc;
        try {
            rc = commandLine().execute(args);
        } finally {
            CommandDone.mark(); // a shutdown hook waiting for the command to close its resources may now return
        }
        System.exit(rc);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("newsclaims: " + cmd.getCommandName() + " failed: " + e.getMessage());
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("failure", e);
            return ExitCodes.FAILED;
        });
        cl.setParameterExceptionHandler(Main::badCommandLine);
        return cl;
    }

    /** The one line that matters and where to look, instead of the whole usage after it. */
    private static int badCommandLine(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        java.io.PrintWriter err = cmd.getErr();
        String name = cmd.getParent() == null ? "newsclaims" : "newsclaims " + cmd.getCommandName();
        err.println(name + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + name + " --help' for the " + (cmd.getParent() == null ? "commands." : "options."));
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"newsclaims " + (v == null ? "dev" : v)};
        }
    }
}
