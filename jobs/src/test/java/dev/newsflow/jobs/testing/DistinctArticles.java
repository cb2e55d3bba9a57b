package dev.newsflow.jobs.testing;

import dev.newsflow.schemas.CrawlEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Crawl events whose texts share no sentence: each is drawn from a fixed vocabulary with its own
 * seed, so that none is a duplicate or near-duplicate of another. For tests that count articles
 * through the whole job.
 */
public final class DistinctArticles {

    private static final String[] WORDS =
            ("harbour council budget river festival orchard railway museum bridge tenant winter"
                            + " league novel vaccine satellite drought tariff glacier election"
                            + " startup concert reef pension lighthouse brewery canal mayor"
                            + " telescope harvest wildfire marathon airport ferry parliament"
                            + " choir bakery vineyard robot archive senate flood copper tunnel"
                            + " opera stadium clinic forest battery market school island")
                    .split(" ");

    private DistinctArticles() {}

    public static List<CrawlEvent> generate(int count, Instant firstFetch) {
        List<CrawlEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Random random = new Random(1_000 + i);
            String url = "https://distinct" + (i % 5) + ".example/articles/" + i;
            CrawlEvent page =
                    CrawlEvents.page(
                            url,
                            "Report " + i + ": " + sentence(random, 6),
                            sentence(random, 40),
                            sentence(random, 40),
                            sentence(random, 40));
            events.add(
                    CrawlEvent.newBuilder(page)
                            .setEventId("evt-distinct-" + i)
                            .setFetchedAt(firstFetch.plus(Duration.ofSeconds(i)))
                            .build());
        }
        return events;
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            s.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }
}
