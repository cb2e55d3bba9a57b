package dev.newsflow.jobs.testing;

import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.testkit.kafka.TopicReader;
import java.time.Duration;
import java.util.List;

/**
 * The committed {@code news.crawl} events whose feed is on one {@link FeedServer}: integration
 * tests that share a broker (and so the topic) each count only the events of their own server.
 */
public final class ServedCrawl {

    /** One read of the whole topic gives up after this much silence. */
    private static final Duration READ = Duration.ofSeconds(2);

    private ServedCrawl() {}

    /** What is committed now (everything that arrives within one read). */
    public static List<CrawlEvent> committed(String bootstrapServers, FeedServer server) {
        String prefix = server.url("/");
        return TopicReader.readCommitted(bootstrapServers, Topics.CRAWL, Integer.MAX_VALUE, READ)
                .stream()
                .filter(e -> e.getFeedUrl().startsWith(prefix))
                .toList();
    }

    /**
     * Re-reads until at least {@code expected} events of {@code server} are committed, or {@code
     * wait} passes; returns what was there (so that the caller's assertion shows what is missing).
     */
    public static List<CrawlEvent> await(
            String bootstrapServers, FeedServer server, int expected, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<CrawlEvent> events = committed(bootstrapServers, server);
        while (events.size() < expected && System.nanoTime() < deadline) {
            events = committed(bootstrapServers, server);
        }
        return events;
    }

    public static List<String> urls(List<CrawlEvent> events) {
        return events.stream().map(CrawlEvent::getUrl).toList();
    }
}
