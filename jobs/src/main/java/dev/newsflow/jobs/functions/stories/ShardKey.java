package dev.newsflow.jobs.functions.stories;

import dev.newsflow.schemas.EnrichedArticle;
import java.util.Locale;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * Stories are clustered per language: the key is the primary language subtag, lower case ({@code
 * en-US} → {@code en}), or {@code und} (undetermined) when the article has none. Articles in
 * different languages never join one story, so every story an article could join lives under its
 * key.
 */
public final class ShardKey implements KeySelector<EnrichedArticle, String> {

    public static final String UNDETERMINED = "und";

    @Override
    public String getKey(EnrichedArticle article) {
        return of(article.getLanguage());
    }

    public static String of(String language) {
        if (language == null || language.isBlank()) {
            return UNDETERMINED;
        }
        String primary = language.trim().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return primary.isEmpty() ? UNDETERMINED : primary;
    }
}
