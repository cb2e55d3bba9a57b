package dev.newsflow.jobs.sinks;

import dev.newsflow.jobs.functions.stories.Importance;
import dev.newsflow.schemas.Story;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps a {@link Story} to the document of the OpenSearch {@code stories} index (stories-v1.json).
 * The mapping is strict, so the document holds exactly its fields, and only the importance
 * components it declares.
 */
public final class StoryDocuments {

    private StoryDocuments() {}

    public static Map<String, Object> toDocument(Story s) {
        Map<String, Object> doc = new HashMap<>();
        doc.put("storyId", s.getStoryId());
        doc.put("headline", s.getHeadline());
        doc.put("summary", s.getSummary());
        doc.put("language", s.getLanguage());
        doc.put("articleIds", s.getArticleIds());
        doc.put("articleCount", s.getArticleCount());
        doc.put("sources", s.getSources());
        doc.put("sourceCount", s.getSourceCount());
        doc.put("keywords", s.getKeywords());
        doc.put("centroid", s.getCentroid());
        doc.put("firstSeen", iso(s.getFirstSeen()));
        doc.put("lastSeen", iso(s.getLastSeen()));
        doc.put("growthRate", s.getGrowthRate());
        doc.put("importance", s.getImportance());
        doc.put("importanceComponents", components(s.getImportanceComponents()));
        doc.put("version", s.getVersion());
        doc.put("updatedAt", iso(s.getUpdatedAt()));
        return doc;
    }

    /** The components the index mapping declares; a strict mapping rejects any other. */
    static Map<String, Object> components(Map<? extends CharSequence, Double> components) {
        Map<String, Object> out = new HashMap<>();
        if (components != null) {
            components.forEach(
                    (k, v) -> {
                        if (Importance.COMPONENTS.contains(k.toString())) {
                            out.put(k.toString(), v);
                        }
                    });
        }
        return out;
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
