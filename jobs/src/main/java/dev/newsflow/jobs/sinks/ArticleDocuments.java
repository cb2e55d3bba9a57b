package dev.newsflow.jobs.sinks;

import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.search.EmbeddingBytes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps an {@link EnrichedArticle} to the document stored in the OpenSearch {@code articles} index.
 */
public final class ArticleDocuments {

    private ArticleDocuments() {}

    public static Map<String, Object> toDocument(EnrichedArticle a) {
        Map<String, Object> doc = new HashMap<>();
        doc.put("id", a.getId());
        doc.put("url", a.getUrl());
        doc.put("source", a.getSource());
        doc.put("title", a.getTitle());
        doc.put("text", a.getText());
        doc.put("summary", a.getSummary());
        doc.put("language", a.getLanguage());
        doc.put("embedding", a.getEmbedding());
        // the same vector again, in doc values, for readers of many vectors (the feed)
        doc.put(EmbeddingBytes.FIELD, EmbeddingBytes.encode(a.getEmbedding()));
        doc.put("embeddingModel", a.getEmbeddingModel());
        doc.put("storyId", a.getStoryId());
        doc.put("importance", a.getImportance());
        doc.put("publishedAt", iso(a.getPublishedAt()));
        doc.put("fetchedAt", iso(a.getFetchedAt()));
        doc.put("enrichedAt", iso(a.getEnrichedAt()));
        doc.put("author", a.getAuthor());
        doc.put("imageUrl", a.getImageUrl());
        doc.put("keywords", a.getKeywords());
        doc.put("contentHash", a.getContentHash());
        doc.put("importanceComponents", stringKeys(a.getImportanceComponents()));
        return doc;
    }

    /** Avro may hand map keys over as {@code Utf8}; the JSON document wants strings. */
    static Map<String, Object> stringKeys(Map<? extends CharSequence, ?> map) {
        Map<String, Object> out = new HashMap<>();
        if (map != null) {
            map.forEach((k, v) -> out.put(k.toString(), v));
        }
        return out;
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
