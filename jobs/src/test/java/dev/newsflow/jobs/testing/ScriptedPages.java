package dev.newsflow.jobs.testing;

import dev.newsflow.jobs.functions.ingest.PageFetcher;
import dev.newsflow.jobs.functions.ingest.PageResponse;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * A {@link PageFetcher} double: each URL answers with its scripted responses in turn (the last one
 * repeats); an unscripted URL is a permanent 404. Scripts and call counts live in a JVM-wide
 * registry so that the fetchers Flink deserializes into its tasks find them.
 */
public final class ScriptedPages implements Serializable {

    private static final Map<String, Map<String, List<PageResponse>>> SCRIPTS =
            new ConcurrentHashMap<>();
    private static final Map<String, Map<String, AtomicInteger>> CALLS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    public ScriptedPages() {
        SCRIPTS.put(id, new ConcurrentHashMap<>());
        CALLS.put(id, new ConcurrentHashMap<>());
    }

    public ScriptedPages page(String url, PageResponse... responses) {
        SCRIPTS.get(id).put(url, List.of(responses));
        return this;
    }

    /** An HTML page for {@code url} whose article has the given title. */
    public ScriptedPages html(String url, String title) {
        return page(
                url,
                new PageResponse.Page(
                        url,
                        "<html><body><article><h1>"
                                + title
                                + "</h1><p>Body of "
                                + title
                                + ".</p></article></body></html>"));
    }

    public int calls(String url) {
        AtomicInteger calls = CALLS.get(id).get(url);
        return calls == null ? 0 : calls.get();
    }

    public SerializableSupplier<PageFetcher> fetchers() {
        String scriptId = id;
        return () -> url -> respond(scriptId, url);
    }

    private static PageResponse respond(String scriptId, String url) {
        int call =
                CALLS.get(scriptId)
                        .computeIfAbsent(url, u -> new AtomicInteger())
                        .getAndIncrement();
        List<PageResponse> responses = SCRIPTS.get(scriptId).get(url);
        if (responses == null) {
            return new PageResponse.Failed("HTTP 404");
        }
        return responses.get(Math.min(call, responses.size() - 1));
    }
}
