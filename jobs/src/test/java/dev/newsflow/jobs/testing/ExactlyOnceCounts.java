package dev.newsflow.jobs.testing;

import dev.newsflow.jobs.functions.ArticleIds;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.EnrichedArticle;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What came out of the enrichment job for the crawl events that went in: the records of {@code
 * news.enriched} by crawl event id (repeated ones, missing ones) and the article ids in OpenSearch
 * (missing ones, unexpected ones). For tests that fail the job and count what survived.
 */
public record ExactlyOnceCounts(
        int in,
        int out,
        List<String> duplicated,
        List<String> missing,
        int indexed,
        List<String> missingFromIndex,
        List<String> unexpectedInIndex) {

    public static ExactlyOnceCounts of(
            List<CrawlEvent> in, List<EnrichedArticle> enriched, Set<String> indexedIds) {
        Map<String, Long> byEvent =
                enriched.stream()
                        .collect(
                                Collectors.groupingBy(
                                        EnrichedArticle::getCrawlEventId, Collectors.counting()));
        Set<String> expectedIds =
                in.stream().map(e -> ArticleIds.idOf(e.getUrl())).collect(Collectors.toSet());
        return new ExactlyOnceCounts(
                in.size(),
                enriched.size(),
                byEvent.entrySet().stream()
                        .filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey)
                        .sorted()
                        .toList(),
                notIn(in.stream().map(CrawlEvent::getEventId).toList(), byEvent.keySet()),
                indexedIds.size(),
                notIn(expectedIds, indexedIds),
                notIn(indexedIds, expectedIds));
    }

    @Override
    public String toString() {
        return String.format(
                "in %d; out %d (news.enriched, read_committed); duplicates %d %s; missing %d %s;"
                        + " OpenSearch %d ids, %d missing %s, %d unexpected %s",
                in,
                out,
                duplicated.size(),
                duplicated,
                missing.size(),
                missing,
                indexed,
                missingFromIndex.size(),
                missingFromIndex,
                unexpectedInIndex.size(),
                unexpectedInIndex);
    }

    private static List<String> notIn(Collection<String> values, Set<String> set) {
        return values.stream().filter(v -> !set.contains(v)).sorted().toList();
    }
}
