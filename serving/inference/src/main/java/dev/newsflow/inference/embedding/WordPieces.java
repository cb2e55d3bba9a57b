package dev.newsflow.inference.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2's BERT word pieces, through DJL's binding of the HuggingFace tokenizers library
 * and the tokenizer.json of the langchain4j jar (the file Triton's {@code embedder_tokenizer}
 * reads): the whole text, without {@code [CLS]}/{@code [SEP]}, padding or truncation, so that
 * {@link TokenWindows} decides what the model sees. Used by the local embedder and by the client's
 * token mode alike, so both send the model the same ids.
 *
 * <p>Thread-safe (the Rust tokenizer is); owns native memory, so close it.
 */
public final class WordPieces implements AutoCloseable {

    /** Size of the BERT uncased vocabulary: valid ids are {@code [0, 30522)}. */
    public static final int VOCABULARY_SIZE = 30_522;

    private final HuggingFaceTokenizer tokenizer;
    private final long cls;
    private final long sep;

    private WordPieces(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        long[] specials = tokenizer.encode("", true, false).getIds();
        if (specials.length != TokenWindows.SPECIAL_TOKENS) {
            tokenizer.close();
            throw new IllegalStateException(
                    "expected [CLS] [SEP] around an empty text, got " + specials.length + " ids");
        }
        this.cls = specials[0];
        this.sep = specials[1];
    }

    /** Opens the tokenizer from the classpath; nothing is downloaded. */
    public static WordPieces open() {
        // Overrides tokenizer.json's fixed 128-token padding and truncation: windows come later.
        Map<String, String> settings = Map.of("padding", "false", "truncation", "false");
        try (InputStream in = ModelResources.open(ModelResources.TOKENIZER)) {
            return new WordPieces(HuggingFaceTokenizer.newInstance(in, settings));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ModelResources.TOKENIZER, e);
        }
    }

    /** The word-piece ids of each text, in order, without special tokens. */
    public List<long[]> contentIds(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Encoding[] encodings = tokenizer.batchEncode(texts, false, false);
        List<long[]> ids = new ArrayList<>(encodings.length);
        for (Encoding encoding : encodings) {
            ids.add(encoding.getIds());
        }
        return ids;
    }

    /** Id of {@code [CLS]}, which opens every window. */
    public long cls() {
        return cls;
    }

    /** Id of {@code [SEP]}, which closes every window. */
    public long sep() {
        return sep;
    }

    /** The text of ids, for tests and logs. */
    String decode(long[] ids) {
        return tokenizer.decode(ids, true);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
