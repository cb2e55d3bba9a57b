package dev.newsflow.schemas.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An OpenSearch index that readers address by {@code alias} while writes go to the versioned
 * concrete index {@code alias-vN}, created from the index template kept in this module. A mapping
 * change that is not additive ships as version N+1 and a reindex behind the same alias.
 */
public record SearchIndex(String alias, int version, String templateResource) {

    /**
     * Enriched articles: text fields, the 384-dimensional MiniLM embedding (lucene HNSW, cosine).
     */
    public static final SearchIndex ARTICLES =
            new SearchIndex("articles", 2, "/opensearch/articles-v2.json");

    /** Stories: headline, members, sources, centroid (lucene HNSW, cosine), importance. */
    public static final SearchIndex STORIES =
            new SearchIndex("stories", 1, "/opensearch/stories-v1.json");

    /**
     * Personas, one document per user, read by id: the profile vector, the negative profile and,
     * nested, the interest centroids as k-NN vectors without HNSW graphs (exact k-NN by script
     * score; see docs/personas.md for why), and the bounded lists of liked, rejected and seen
     * article ids.
     */
    public static final SearchIndex PERSONAS =
            new SearchIndex("personas", 1, "/opensearch/personas-v1.json");

    /** Every index Newsflow writes. */
    public static List<SearchIndex> all() {
        return List.of(ARTICLES, STORIES, PERSONAS);
    }

    /** Name of the concrete index behind the alias, e.g. {@code articles-v2}. */
    public String concreteIndex() {
        return alias + "-v" + version;
    }

    /** Name of the index template, e.g. {@code articles-v2}. */
    public String templateName() {
        return concreteIndex();
    }

    /** The index template body (settings and mappings) as JSON. */
    public String templateJson() {
        try (InputStream in = SearchIndex.class.getResourceAsStream(templateResource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Missing index template resource " + templateResource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
