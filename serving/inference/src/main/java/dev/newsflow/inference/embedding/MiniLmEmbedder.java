package dev.newsflow.inference.embedding;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.InputStream;
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
 * downloaded; DJL offline mode is switched on unless set explicitly ({@link ModelResources}).
 * Opening costs about a second and is paid once, in the constructor.
 *
 * <p><b>Long texts</b> are chunked and pooled ({@link TokenWindows}, {@link WindowPlan}): cut into
 * windows of {@link MiniLmOptions#maxTokens()} word pieces (256) that overlap a little, at most
 * eight per text, all windows of a call embedded in the same batched ONNX calls, and averaged
 * weighted by their token counts. Callers put the title first, so it is in the first window. A text
 * that fits one window is embedded exactly as sentence-transformers does.
 *
 * <p>An empty string is valid and yields the (finite, unit-length) vector of {@code [CLS] [SEP]},
 * as in sentence-transformers.
 *
 * <p>{@link #embedTokens(List)} takes word pieces directly: the contract of Triton's {@code
 * embedder_onnx}, which the local server serves under the same name.
 *
 * <p><b>Thread-safe.</b> The tokenizer and the ONNX Runtime session may be used concurrently, so
 * each call opens its own DJL {@link Predictor} (cheap: it only owns the call's native buffers, and
 * it is the part that is not thread-safe). No lock, so concurrent calls run in parallel. {@link
 * #close()} must not race with calls in flight.
 */
public final class MiniLmEmbedder implements TextEmbedder, TokenEmbedder {

    public static final String MODEL_NAME = "all-MiniLM-L6-v2";

    public static final int DIMENSION = 384;

    private static final String ENGINE = "OnnxRuntime";

    private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);

    private final MiniLmOptions options;
    private final WordPieces wordPieces;
    private final Model model;
    private final MiniLmTranslator translator = new MiniLmTranslator();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Opens the model with {@link MiniLmOptions#defaults()}. */
    public MiniLmEmbedder() {
        this(MiniLmOptions.defaults());
    }

    /** Opens the model; throws {@link IllegalStateException} if it cannot be loaded. */
    public MiniLmEmbedder(MiniLmOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        long start = System.nanoTime();
        this.wordPieces = WordPieces.open();
        try {
            this.model = openModel(options.intraOpThreads());
        } catch (RuntimeException e) {
            wordPieces.close();
            throw e;
        }
        TokenWindows windows = options.windows();
        LOG.info(
                "Opened {} in {} ms: ONNX Runtime {}, {} intra-op threads, windows of {} tokens"
                        + " overlapping by {}, at most {} per text, batches of {}",
                MODEL_NAME,
                (System.nanoTime() - start) / 1_000_000,
                Engine.getEngine(ENGINE).getVersion(),
                options.intraOpThreads(),
                windows.windowTokens(),
                windows.overlapTokens(),
                windows.maxWindows(),
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
        checkOpen();
        WindowPlan plan =
                WindowPlan.of(
                        wordPieces.contentIds(texts),
                        options.windows(),
                        wordPieces.cls(),
                        wordPieces.sep());
        return plan.pool(embedTokens(plan.rows()));
    }

    /**
     * Embeds rows of word pieces, at most {@link MiniLmOptions#maxBatchSize()} per ONNX call. Rows
     * are grouped by length first, so that each call pads its rows to a similar length: windows of
     * long articles (full) and short texts then do not share a call's padding.
     */
    @Override
    public float[][] embedTokens(List<TokenRow> rows) {
        checkOpen();
        float[][] vectors = new float[rows.size()][];
        if (rows.isEmpty()) {
            return vectors;
        }
        try (Predictor<TokenBatch, float[][]> predictor = model.newPredictor(translator)) {
            for (int[] batch : TokenBatch.byLength(rows, options.maxBatchSize())) {
                float[][] pooled =
                        predictor.predict(TokenBatch.of(TokenBatch.select(rows, batch), 1));
                for (int k = 0; k < batch.length; k++) {
                    vectors[batch[k]] = pooled[k];
                }
            }
        } catch (TranslateException e) {
            throw new IllegalStateException(
                    MODEL_NAME + " inference failed for " + rows.size() + " windows", e);
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
        wordPieces.close();
        deleteEmptyDir(modelDir);
        LOG.info("Closed {}", MODEL_NAME);
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException(MODEL_NAME + " embedder is closed");
        }
    }

    private static Model openModel(int intraOpThreads) {
        // Loading from a stream hands ONNX Runtime the bytes directly, so no model file is
        // extracted; DJL still creates an empty scratch dir, removed on close.
        Model model = Model.newInstance(MODEL_NAME, Device.cpu(), ENGINE);
        try (InputStream in = ModelResources.open(ModelResources.MODEL)) {
            model.load(in, Map.of("intraOpNumThreads", Integer.toString(intraOpThreads)));
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalStateException("cannot load " + ModelResources.MODEL, e);
        }
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
