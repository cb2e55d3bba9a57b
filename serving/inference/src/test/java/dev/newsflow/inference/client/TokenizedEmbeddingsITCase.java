package dev.newsflow.inference.client;

import static dev.newsflow.inference.embedding.VectorAssert.cosine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.inference.client.TritonClientConfig.EmbedderInput;
import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.inference.embedding.TokenWindows;
import dev.newsflow.inference.server.InferenceServer;
import dev.newsflow.inference.server.InferenceServerConfig;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's token mode against the real local server over loopback gRPC: texts tokenized and
 * chunked on the client, sent to {@code embedder_onnx} as word pieces, give the vectors that the
 * text path ({@code embedder}, tokenized and chunked on the server) gives.
 */
class TokenizedEmbeddingsITCase {

    private static final String FLOOD =
            "Heavy rain flooded the old town overnight and firefighters evacuated two hundred"
                    + " residents from homes along the embankment as the river rose. ";

    private static final String COUNCIL =
            "The council approved a forty-million-euro flood barrier after a four-hour debate,"
                    + " and construction starts in March. ";

    private static final String MARKETS =
            "Shares in European carmakers fell sharply after the United States announced new"
                    + " tariffs on imported vehicles. ";

    /** Calls per gRPC method, seen by the token-mode client. */
    private static final ConcurrentLinkedQueue<String> CALLS = new ConcurrentLinkedQueue<>();

    private static MiniLmEmbedder embedder;
    private static InferenceServer server;
    private static ManagedChannel channel;
    private static TritonClient text;
    private static TritonClient tokens;

    @BeforeAll
    static void start() {
        embedder = new MiniLmEmbedder();
        server = InferenceServer.start(InferenceServerConfig.defaults().withPort(0), embedder);
        channel =
                Grpc.newChannelBuilderForAddress(
                                "127.0.0.1", server.port(), InsecureChannelCredentials.create())
                        .build();
        text = new TritonClient(channel, Duration.ofSeconds(60));
        tokens =
                new TritonClient(
                        ClientInterceptors.intercept(channel, new CallCounter()),
                        Duration.ofSeconds(60),
                        tokenMode(Map.of()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        text.close();
        tokens.close();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
        embedder.close();
    }

    private static TritonClientConfig tokenMode(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.put(TritonClientConfig.EMBEDDER_INPUT, "tokens");
        TritonClientConfig config = TritonClientConfig.fromEnv(env);
        assertThat(config.embedderInput()).isEqualTo(EmbedderInput.TOKENS);
        assertThat(config.embedderModel()).isEqualTo("embedder_onnx");
        return config;
    }

    /** A text of about {@code sentences} times 25 word pieces, title first. */
    private static String article(String title, int sentences) {
        return title
                + "\n\n"
                + IntStream.range(0, sentences)
                        .mapToObj(i -> List.of(FLOOD, COUNCIL, MARKETS).get(i % 3))
                        .collect(Collectors.joining());
    }

    @Test
    void tokenAndTextPathsGiveTheSameVectors() {
        // Given headlines, an empty and a non-Latin text, and articles of 2 to 8+ windows
        List<String> texts =
                List.of(
                        "Flood barrier approved after a four-hour debate",
                        "",
                        "Café déjà vu — 東京",
                        article("River floods the old town", 12),
                        article("Carmakers hit by tariffs", 40),
                        article("A very long read", 150));

        // When
        float[][] viaTokens = tokens.embed(texts);
        float[][] viaText = text.embed(texts);

        // Then
        assertThat(viaTokens).hasNumberOfRows(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(viaTokens[i], viaText[i])).as("text %d", i).isGreaterThan(0.999);
        }
    }

    @Test
    void allWindowsOfABatchGoInOneCall() {
        // Given three articles of several windows each
        List<String> texts =
                List.of(article("One", 20), article("Two", 30), article("Three", 25), "A headline");
        CALLS.clear();

        // When
        tokens.embed(texts);

        // Then
        assertThat(CALLS).containsExactly("inference.GRPCInferenceService/ModelInfer");
    }

    @Test
    void windowsBeyondTheRowLimitAreSplitOverCallsWithoutChangingVectors() {
        // Given a client that sends at most 3 windows per call
        List<String> texts = List.of(article("One", 20), article("Two", 30), "A headline");
        try (TritonClient small =
                new TritonClient(
                        ClientInterceptors.intercept(channel, new CallCounter()),
                        Duration.ofSeconds(60),
                        tokenMode(Map.of(TritonClientConfig.EMBEDDER_MAX_ROWS, "3")))) {
            CALLS.clear();

            // When
            float[][] split = small.embed(texts);

            // Then
            assertThat(CALLS.size()).isGreaterThan(1);
            float[][] whole = tokens.embed(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(cosine(split[i], whole[i])).isGreaterThan(0.99999);
            }
        }
    }

    @Test
    void theSameWindowSettingsOnBothSidesAreWhatMakesThemAgree() {
        // Given a client that truncates (one window) against the chunking server
        String longArticle = article("River floods the old town", 60);
        try (TritonClient truncating =
                new TritonClient(
                        channel,
                        Duration.ofSeconds(60),
                        tokenMode(Map.of(TokenWindows.MAX_WINDOWS_ENV, "1")))) {
            // When
            float[] truncated = truncating.embed(List.of(longArticle))[0];
            float[] chunked = text.embed(List.of(longArticle))[0];

            // Then the vectors differ: the comparison above can fail
            assertThat(cosine(truncated, chunked)).isLessThan(0.999);
        }
    }

    /** Records the method of every call made through it. */
    private static final class CallCounter implements ClientInterceptor {
        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(
                MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            CALLS.add(method.getFullMethodName());
            return next.newCall(method, options);
        }
    }
}
