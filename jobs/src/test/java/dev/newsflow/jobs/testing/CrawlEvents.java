package dev.newsflow.jobs.testing;

import dev.newsflow.jobs.serde.RawRecord;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Named crawl-event fixtures for the enrichment tests: good pages and every kind of bad input. */
public final class CrawlEvents {

    private CrawlEvents() {}

    public static CrawlEvent page(String url, String title, String... paragraphs) {
        StringBuilder html =
                new StringBuilder(
                                "<html lang=\"en\"><body><nav><a href=\"/\">Home</a></nav><article><h1>")
                        .append(title)
                        .append("</h1>");
        for (String p : paragraphs) {
            html.append("<p>").append(p).append("</p>");
        }
        html.append("</article><footer>Footer</footer></body></html>");
        return withHtml(url, html.toString());
    }

    public static CrawlEvent withHtml(String url, String html) {
        return CrawlEvent.newBuilder()
                .setEventId("evt-" + url.hashCode())
                .setUrl(url)
                .setSource(java.net.URI.create(url).getHost())
                .setHtml(html)
                .setPublishedAt(Instant.parse("2026-11-20T08:00:00Z"))
                .setFetchedAt(Instant.parse("2026-11-20T08:05:00Z"))
                .build();
    }

    /** A page of {@code megabytes} MB of HTML. */
    public static CrawlEvent huge(String url, int megabytes) {
        return withHtml(
                url,
                "<html><body><p>" + "x".repeat(megabytes * 1024 * 1024) + "</p></body></html>");
    }

    public static CrawlEvent binary(String url) {
        char[] chars = new char[8192];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (i % 31);
        }
        return withHtml(url, new String(chars));
    }

    public static byte[] encode(CrawlEvent event) {
        return Topics.CRAWL.valueSerde().serializer().serialize(Topics.CRAWL.name(), event);
    }

    /** Publishes the events to {@code news.crawl}, keyed by URL as the crawlers do, and waits. */
    public static void publish(String bootstrapServers, List<CrawlEvent> events) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (CrawlEvent event : events) {
                byte[] key = event.getUrl().getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(Topics.CRAWL.name(), key, encode(event))).get();
            }
        }
    }

    public static RawRecord raw(long offset, byte[] value) {
        return new RawRecord(Topics.CRAWL.name(), 0, offset, null, value);
    }

    public static byte[] notAvro() {
        return "{\"url\": \"https://not.avro.example/\"}".getBytes(StandardCharsets.UTF_8);
    }
}
