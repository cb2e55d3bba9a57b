package dev.newsflow.jobs.sinks;

import dev.newsflow.schemas.Interest;
import dev.newsflow.schemas.Persona;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * Writes a {@link Persona} as the document stored in the OpenSearch {@code personas} index,
 * straight into an XContent builder: a persona carries some 2,700 floats, and going through a
 * {@code Map} (boxing, OpenSearch's self-reference check over every element) cost more than the
 * whole update.
 */
public final class PersonaDocuments {

    private PersonaDocuments() {}

    /**
     * The document as the persona job indexes it, in binary SMILE: the REST client re-encodes every
     * source of a bulk request, and OpenSearch parses it again; with floats in binary rather than
     * text, that took a fifth of the CPU in the benchmark (docs/personas.md).
     */
    public static XContentBuilder smile(Persona persona) {
        try {
            return write(persona, XContentFactory.smileBuilder());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write persona " + persona.getUserId(), e);
        }
    }

    /** The document in JSON, for HTTP clients. */
    public static String json(Persona persona) {
        try {
            return BytesReference.bytes(write(persona, XContentFactory.jsonBuilder()))
                    .utf8ToString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write persona " + persona.getUserId(), e);
        }
    }

    static XContentBuilder write(Persona p, XContentBuilder b) throws IOException {
        b.startObject();
        b.field("userId", p.getUserId());
        // k-NN fields reject empty vectors: a profile without positive evidence has none.
        if (!p.getVector().isEmpty()) {
            floats(b, "vector", p.getVector());
        }
        if (p.getNegativeVector() != null) {
            floats(b, "negativeVector", p.getNegativeVector());
        }
        b.field("interactionCount", p.getInteractionCount());
        b.field("version", p.getVersion());
        b.field("updatedAt", p.getUpdatedAt().toString());
        b.startArray("interests");
        for (Interest i : p.getInterests()) {
            b.startObject();
            floats(b, "centroid", i.getCentroid());
            b.field("weight", i.getWeight());
            b.field("count", i.getCount());
            b.field("lastUpdated", i.getLastUpdated().toString());
            b.field("articleId", i.getArticleId());
            b.field("title", i.getTitle());
            b.endObject();
        }
        b.endArray();
        strings(b, "likedArticleIds", p.getLikedArticleIds());
        strings(b, "rejectedArticleIds", p.getRejectedArticleIds());
        strings(b, "seenArticleIds", p.getSeenArticleIds());
        return b.endObject();
    }

    private static void floats(XContentBuilder b, String name, List<Float> values)
            throws IOException {
        b.startArray(name);
        for (Float v : values) {
            b.value(v.floatValue());
        }
        b.endArray();
    }

    private static void strings(XContentBuilder b, String name, List<String> values)
            throws IOException {
        b.startArray(name);
        for (String v : values) {
            b.value(v);
        }
        b.endArray();
    }
}
