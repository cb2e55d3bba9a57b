package dev.newsflow.jobs.functions;

import dev.newsflow.jobs.functions.extract.ArticleExtractor;
import dev.newsflow.schemas.CrawlEvent;
import dev.newsflow.schemas.EnrichedArticle;
import java.time.Clock;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a crawl event into an article with extracted title, text, author, lead image and, when the
 * event has none, the page's publication time (not yet embedded). Events that carry plain text from
 * an external crawler skip HTML extraction. Rejected input (empty, binary, oversized, no text) goes
 * to the dead-letter side output with the reason.
 */
public final class ExtractArticle extends ProcessFunction<CrawlEvent, EnrichedArticle> {

    public static final String STAGE = "extract";
    private static final Logger LOG = LoggerFactory.getLogger(ExtractArticle.class);

    private final int maxHtmlChars;
    private transient ArticleExtractor extractor;
    private transient Counter rejected;

    public ExtractArticle(int maxHtmlChars) {
        this.maxHtmlChars = maxHtmlChars;
    }

    @Override
    public void open(OpenContext openContext) {
        extractor = new ArticleExtractor(maxHtmlChars);
        rejected = getRuntimeContext().getMetricGroup().counter("deadLettered");
    }

    @Override
    public void processElement(CrawlEvent event, Context ctx, Collector<EnrichedArticle> out) {
        try {
            out.collect(toArticle(event, extract(event)));
        } catch (RejectedInputException e) {
            LOG.warn(
                    "Dead-lettering {} from {}: {}",
                    event.getUrl(),
                    event.getSource(),
                    e.getMessage());
            rejected.inc();
            ctx.output(
                    DeadLetters.TAG,
                    DeadLetters.ofCrawlEvent(event, STAGE, e.getMessage(), Clock.systemUTC()));
        }
    }

    private ArticleExtractor.Extracted extract(CrawlEvent event) throws RejectedInputException {
        if (event.getHtml() != null) {
            return extractor.extract(event.getHtml(), event.getTitle(), event.getUrl());
        }
        if (event.getText() != null && !event.getText().isBlank()) {
            return extractor.fromPlainText(event.getText(), event.getTitle());
        }
        throw new RejectedInputException("no content: the crawl event has neither html nor text");
    }

    private static EnrichedArticle toArticle(
            CrawlEvent event, ArticleExtractor.Extracted extracted) {
        return EnrichedArticle.newBuilder()
                .setId(ArticleIds.idOf(event.getUrl()))
                .setCrawlEventId(event.getEventId())
                .setUrl(ArticleIds.canonicalUrl(event.getUrl()))
                .setSource(event.getSource())
                .setTitle(extracted.title())
                .setText(extracted.text())
                .setLanguage(
                        event.getLanguage() != null ? event.getLanguage() : extracted.language())
                .setEmbedding(List.of())
                .setEmbeddingModel("")
                .setAuthor(extracted.author())
                .setImageUrl(extracted.leadImage())
                // The crawler's (feed's) time wins; the page's own is the fallback.
                .setPublishedAt(
                        event.getPublishedAt() != null
                                ? event.getPublishedAt()
                                : extracted.publishedAt())
                .setFetchedAt(event.getFetchedAt())
                .setEnrichedAt(event.getFetchedAt())
                .build();
    }
}
