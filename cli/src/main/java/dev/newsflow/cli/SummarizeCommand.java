package dev.newsflow.cli;

import dev.newsflow.cli.summarize.JsonlSummarizer;
import dev.newsflow.inference.client.TritonClient;
import dev.newsflow.inference.server.InferenceServer;
import dev.newsflow.inference.server.InferenceServerConfig;
import java.io.BufferedReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./newsflow summarize IN.jsonl OUT.jsonl}: summaries of articles through the KServe v2 /
 * Triton gRPC protocol, from the local inference server started in-process (the extractive CPU
 * stand-in) or from a running server given with {@code --server host:port} (the local one or Triton
 * with the fine-tuned model).
 */
@Command(
        name = "summarize",
        mixinStandardHelpOptions = true,
        description = {
            "Summarizes IN (JSON lines with \"id\" and \"article\") into OUT (JSON lines with"
                    + " \"id\" and \"summary\"). Bad lines are reported and skipped."
        })
final class SummarizeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "Input JSON lines.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output JSON lines (overwritten).")
    Path out;

    @Option(
            names = "--server",
            paramLabel = "HOST:PORT",
            description =
                    "Use a running inference server (local or Triton) instead of starting one.")
    String server;

    @Option(
            names = "--batch",
            defaultValue = "8",
            description = "Articles per request (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--timeout",
            defaultValue = "PT2M",
            description = "Deadline of one request, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        InferenceServer local = null;
        String host;
        int port;
        if (server == null) {
            System.err.println("Starting the local inference server (extractive CPU stand-in)...");
            local = InferenceServer.start(InferenceServerConfig.defaults().withPort(0));
            host = "127.0.0.1";
            port = local.port();
        } else {
            int colon = server.lastIndexOf(':');
            host = server.substring(0, colon);
            port = Integer.parseInt(server.substring(colon + 1));
        }
        try (TritonClient client = TritonClient.connect(host, port, timeout);
                BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
                Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            JsonlSummarizer.Result result =
                    new JsonlSummarizer(client, batch, System.err).run(reader, writer);
            System.err.printf(
                    "%d summarized, %d skipped -> %s%n",
                    result.summarized(), result.skipped(), out);
            return result.skipped() == 0 ? 0 : 2;
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }
}
