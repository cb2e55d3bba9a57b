package dev.newsflow.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.cli.stack.LocalStack;
import dev.newsflow.cli.stack.Progress;
import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.inference.summarization.ExtractiveSummarizer;
import dev.newsflow.inference.summarization.SummarizerOptions;
import dev.newsflow.jobs.functions.ArticleIds;
import dev.newsflow.schemas.CrawlEvent;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole enrichment job on the local stack (real Kafka, OpenSearch, the inference server over
 * gRPC, Flink with RocksDB and checkpoints) against the models on their own, on the same real
 * articles, in one run:
 *
 * <ol>
 *   <li>the embedding model's standalone throughput (in-process, batches of 32), and the embedding
 *       model plus the CPU summarizer, on the CNN/DailyMail articles;
 *   <li>the same articles published to {@code news.crawl} at once: articles/s from the first
 *       publish until the last is enriched;
 *   <li>crawl-event-to-searchable latency: the extraction benchmark's pages (real HTML) published
 *       one every {@code pace}, each timed from its publish until OpenSearch returns it.
 * </ol>
 */
public final class PipelineBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static final int BATCH = 32;

    private final Path data;
    private final Duration pace;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newHttpClient();

    public PipelineBenchmark(Path data, Duration pace, PrintStream out) {
        this.data = data;
        this.pace = pace;
        this.out = out;
    }

    public void run(Path workDir) throws Exception {
        List<CrawlEvent> articles = cnnDailyMail(data.resolve("summarization/cnndm-dev.jsonl"));
        List<CrawlEvent> pages = extractionPages(data.resolve("extraction"));
        out.printf(
                "%d CNN/DailyMail articles (throughput), %d HTML pages (latency); %d cpus%n",
                articles.size(), pages.size(), Runtime.getRuntime().availableProcessors());

        List<String> texts =
                articles.stream().map(e -> e.getTitle() + "\n\n" + e.getText()).toList();
        double embedderOnly;
        double withSummaries;
        double embedderCpuMs;
        double withSummariesCpuMs;
        try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
            embedder.embed(texts.subList(0, BATCH)); // warm-up
            long cpu = OS.getProcessCpuTime();
            embedderOnly = perSecond(texts.size(), () -> embedBatches(embedder, texts));
            embedderCpuMs = (OS.getProcessCpuTime() - cpu) / 1e6 / texts.size();
            ExtractiveSummarizer summarizer =
                    new ExtractiveSummarizer(embedder, SummarizerOptions.defaults());
            cpu = OS.getProcessCpuTime();
            withSummaries =
                    perSecond(
                            texts.size(),
                            () -> {
                                embedBatches(embedder, texts);
                                texts.forEach(summarizer::summarize);
                            });
            withSummariesCpuMs = (OS.getProcessCpuTime() - cpu) / 1e6 / texts.size();
        }
        out.printf(
                "load average %.1f (wall-clock rates move with it; CPU ms per article do not)%n",
                OS.getSystemLoadAverage());
        out.printf(
                "standalone embedder (batch %d):          %7.1f articles/s  %7.0f CPU ms/article%n",
                BATCH, embedderOnly, embedderCpuMs);
        out.printf(
                "standalone embedder + CPU summarizer:    %7.1f articles/s  %7.0f CPU ms/article%n",
                withSummaries, withSummariesCpuMs);

        Progress progress = new Progress(out, 5);
        try (LocalStack stack =
                LocalStack.start(new LocalStack.Options(workDir, 0, 0, 2), progress)) {
            long start = System.nanoTime();
            long cpu = OS.getProcessCpuTime();
            stack.publish(articles);
            if (!stack.awaitProcessed(articles.size(), Duration.ofMinutes(15), progress)) {
                throw new IllegalStateException("the job did not process the articles in 15 min");
            }
            double job = articles.size() / ((System.nanoTime() - start) / 1e9);
            double jobCpuMs = (OS.getProcessCpuTime() - cpu) / 1e6 / articles.size();
            List<Double> latencies = searchableLatencies(stack, pages);
            out.println();
            out.printf(
                    "whole job (parallelism 2):               %7.1f articles/s  %7.0f CPU ms/article"
                            + " (this JVM: Flink, inference server; not Kafka, OpenSearch)%n",
                    job, jobCpuMs);
            out.printf(
                    "CPU ratio embedder / job:                  %5.2f;  embedder+summarizer / job:"
                            + " %5.2f%n",
                    embedderCpuMs / jobCpuMs, withSummariesCpuMs / jobCpuMs);
            out.printf(
                    "ratio job / standalone embedder:          %6.2f   (goal >= 0.9)%n",
                    job / embedderOnly);
            out.printf("ratio job / standalone embedder+summarizer: %4.2f%n", job / withSummaries);
            out.printf(
                    "crawl event -> searchable (%d pages, one every %d ms): p50 %.0f ms, p99 %.0f"
                            + " ms, max %.0f ms%n",
                    latencies.size(),
                    pace.toMillis(),
                    percentile(latencies, 0.50),
                    percentile(latencies, 0.99),
                    percentile(latencies, 1.0));
        }
    }

    private List<Double> searchableLatencies(LocalStack stack, List<CrawlEvent> pages)
            throws Exception {
        Map<String, Long> publishedAt = new HashMap<>();
        List<Double> latencies = new ArrayList<>();
        long next = System.nanoTime();
        Iterator<CrawlEvent> queue = pages.iterator();
        long deadline = Long.MAX_VALUE;
        while (queue.hasNext() || !publishedAt.isEmpty()) {
            long now = System.nanoTime();
            if (queue.hasNext() && now >= next) {
                CrawlEvent page = queue.next();
                publishedAt.put(ArticleIds.idOf(page.getUrl()), now);
                stack.publish(List.of(page));
                next += pace.toNanos();
                if (!queue.hasNext()) {
                    deadline = now + Duration.ofMinutes(2).toNanos();
                }
            }
            for (String id : visible(stack.openSearchUri(), publishedAt.keySet())) {
                latencies.add((System.nanoTime() - publishedAt.remove(id)) / 1e6);
            }
            if (System.nanoTime() > deadline) {
                out.printf(
                        "%d pages not searchable after 2 min (dead-lettered or duplicates)%n",
                        publishedAt.size());
                break;
            }
            Thread.sleep(20);
        }
        return latencies;
    }

    private List<String> visible(URI openSearch, java.util.Set<String> ids) throws Exception {
        if (ids.isEmpty()) {
            return List.of();
        }
        String body =
                JSON.writeValueAsString(
                        Map.of(
                                "size", ids.size(),
                                "_source", false,
                                "query", Map.of("ids", Map.of("values", List.copyOf(ids)))));
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(openSearch.resolve("/articles/_search"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        List<String> found = new ArrayList<>();
        JSON.readTree(response.body())
                .at("/hits/hits")
                .forEach(h -> found.add(h.get("_id").asText()));
        return found;
    }

    static List<CrawlEvent> cnnDailyMail(Path jsonl) throws Exception {
        List<CrawlEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            String text = node.path("article").asText();
            String url =
                    node.path("url").asText("https://cnndm.example/" + node.path("id").asText());
            int firstStop = text.indexOf(". ");
            String title =
                    firstStop > 0 && firstStop < 160
                            ? text.substring(0, firstStop)
                            : node.path("id").asText();
            events.add(event(url, title, null, text));
        }
        return events;
    }

    static List<CrawlEvent> extractionPages(Path dir) throws Exception {
        JsonNode truth = JSON.readTree(dir.resolve("ground-truth.json").toFile());
        List<CrawlEvent> events = new ArrayList<>();
        for (Iterator<String> ids = truth.fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            Path html = dir.resolve("html").resolve(id + ".html");
            if (Files.exists(html)) {
                String url = truth.path(id).path("url").asText("https://pages.example/" + id);
                events.add(event(url, null, Files.readString(html, StandardCharsets.UTF_8), null));
            }
        }
        return events;
    }

    private static CrawlEvent event(String url, String title, String html, String text) {
        Instant now = Instant.now();
        return CrawlEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setUrl(url)
                .setSource(
                        URI.create(url).getHost() == null ? "unknown" : URI.create(url).getHost())
                .setTitle(title)
                .setHtml(html)
                .setText(text)
                .setFetchedAt(now)
                .build();
    }

    private static void embedBatches(MiniLmEmbedder embedder, List<String> texts) {
        for (int i = 0; i < texts.size(); i += BATCH) {
            embedder.embed(texts.subList(i, Math.min(texts.size(), i + BATCH)));
        }
    }

    private static double perSecond(int items, Runnable work) {
        long start = System.nanoTime();
        work.run();
        return items / ((System.nanoTime() - start) / 1e9);
    }

    static double percentile(List<Double> values, double p) {
        return Percentiles.nearestRank(values, p);
    }
}
