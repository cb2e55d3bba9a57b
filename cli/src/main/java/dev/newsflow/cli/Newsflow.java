package dev.newsflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./newsflow} command line: the local stack and the tools around the pipeline. */
@Command(
        name = "newsflow",
        mixinStandardHelpOptions = true,
        version = "Newsflow 0.1.0-SNAPSHOT",
        description = "Streaming news intelligence on Apache Flink.",
        subcommands = {
            UpCommand.class,
            ExtractCommand.class,
            ParseFeedsCommand.class,
            SummarizeCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Newsflow implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Newsflow()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
