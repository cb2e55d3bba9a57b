package dev.newsflow.inference.server;

import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.inference.embedding.MiniLmOptions;
import dev.newsflow.inference.embedding.TextEmbedder;
import dev.newsflow.inference.embedding.TokenEmbedder;
import dev.newsflow.inference.summarization.ExtractiveSummarizer;
import dev.newsflow.inference.summarization.SummarizerOptions;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local inference server: the KServe v2 / Triton gRPC protocol on a Netty server, serving
 * {@code embedder} (all-MiniLM-L6-v2, texts in), {@code embedder_onnx} (the same model, word pieces
 * in, when the embedder takes them) and {@code summarizer} (the extractive CPU stand-in for the
 * fine-tuned 7B model), each behind its own dynamic batcher. Clients cannot tell it from Triton for
 * the calls Newsflow makes.
 *
 * <p>{@link #close()} is graceful: readiness turns false, new calls are refused, calls in flight
 * get {@link InferenceServerConfig#shutdownGrace()} to finish, then the batchers drain and stop.
 */
public final class InferenceServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceServer.class);

    private final InferenceServerConfig config;
    private final Server server;
    private final InferenceService service;
    private final List<ServedModel> models;
    private final TextEmbedder ownedEmbedder;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private InferenceServer(
            InferenceServerConfig config,
            Server server,
            InferenceService service,
            List<ServedModel> models,
            TextEmbedder ownedEmbedder) {
        this.config = config;
        this.server = server;
        this.service = service;
        this.models = models;
        this.ownedEmbedder = ownedEmbedder;
        // Read once: the server refuses getPort() after termination.
        this.port = server.getPort();
    }

    /** Opens all-MiniLM-L6-v2 (owned: closed with the server) and starts serving. */
    public static InferenceServer start(InferenceServerConfig config) {
        MiniLmEmbedder embedder =
                new MiniLmEmbedder(
                        MiniLmOptions.defaults()
                                .withWindows(config.windows())
                                .withIntraOpThreads(config.intraOpThreads()));
        try {
            return start(config, embedder, embedder);
        } catch (RuntimeException e) {
            embedder.close();
            throw e;
        }
    }

    /**
     * Starts serving with an embedder the caller owns and closes after the server; {@code
     * embedder_onnx} is served when the embedder is also a {@link TokenEmbedder}.
     */
    public static InferenceServer start(InferenceServerConfig config, TextEmbedder embedder) {
        return start(config, embedder, null);
    }

    private static InferenceServer start(
            InferenceServerConfig config, TextEmbedder embedder, TextEmbedder owned) {
        Objects.requireNonNull(embedder, "embedder");
        ExtractiveSummarizer summarizer =
                new ExtractiveSummarizer(embedder, SummarizerOptions.defaults());
        List<ServedModel> models = new ArrayList<>();
        models.add(EmbedderModel.texts(embedder, config.embedder()));
        if (embedder instanceof TokenEmbedder tokens) {
            models.add(EmbedderModel.tokens(tokens, config.embedder()));
        }
        models.add(new SummarizerModel(summarizer, config.summarizer()));
        InferenceService service = new InferenceService(models);
        Server server =
                NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.port()))
                        .addService(service)
                        .maxInboundMessageSize(config.maxMessageBytes())
                        .build();
        try {
            server.start();
        } catch (IOException e) {
            models.forEach(ServedModel::close);
            throw new UncheckedIOException(
                    "cannot listen on " + config.host() + ":" + config.port(), e);
        }
        InferenceServer started =
                new InferenceServer(config, server, service, List.copyOf(models), owned);
        LOG.info(
                "Inference server (KServe v2 / Triton gRPC) listening on {}:{}; models {}:"
                        + " embeddings by {} ({} dims, batches of {} within {} ms), summaries by {}"
                        + " (batches of {} within {} ms)",
                config.host(),
                started.port(),
                models.stream().map(ServedModel::name).toList(),
                embedder.modelName(),
                embedder.dimension(),
                config.embedder().maxBatchSize(),
                config.embedder().maxQueueDelay().toMillis(),
                ExtractiveSummarizer.DESCRIPTION,
                config.summarizer().maxBatchSize(),
                config.summarizer().maxQueueDelay().toMillis());
        return started;
    }

    /** The bound port (the free one chosen when configured with 0). */
    public int port() {
        return port;
    }

    public String host() {
        return config.host();
    }

    /** The models served, in metadata order. */
    public List<ServedModel> models() {
        return models;
    }

    /** Blocks until the server has shut down. */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long start = System.nanoTime();
        service.markNotReady();
        server.shutdown();
        try {
            if (!server.awaitTermination(
                    config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn(
                        "Calls still running after {} ms on {}:{}; cancelling them",
                        config.shutdownGrace().toMillis(),
                        config.host(),
                        port);
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        models.forEach(ServedModel::close);
        if (ownedEmbedder != null) {
            ownedEmbedder.close();
        }
        LOG.info(
                "Inference server on {}:{} stopped in {} ms",
                config.host(),
                port,
                (System.nanoTime() - start) / 1_000_000);
    }
}
