package dev.newsflow.jobs.testing;

import dev.newsflow.jobs.functions.ingest.FeedPoller;
import dev.newsflow.jobs.functions.ingest.FeedRequest;
import dev.newsflow.jobs.functions.ingest.FeedResponse;
import dev.newsflow.jobs.functions.ingest.ItemKeys;
import java.io.Serializable;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * A {@link FeedPoller} double: each feed URL answers through its {@link Script}, given how many
 * times it was polled before (across restarts of the job) and the request's validators. Counts
 * polls per feed and the most concurrent polls seen per host. Scripts live in a JVM-wide registry
 * so that the pollers Flink creates in its tasks find them.
 */
public final class ScriptedFeeds implements Serializable {

    /** How a feed answers its {@code poll}-th poll (0-based). */
    @FunctionalInterface
    public interface Script {
        FeedResponse respond(int poll, FeedRequest request);
    }

    private static final Map<String, Registry> REGISTRY = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    private static final class Registry {
        final Map<String, Script> scripts = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
    }

    public ScriptedFeeds() {
        REGISTRY.put(id, new Registry());
    }

    public ScriptedFeeds feed(String url, Script script) {
        REGISTRY.get(id).scripts.put(url, script);
        return this;
    }

    public int polls(String url) {
        AtomicInteger polls = REGISTRY.get(id).polls.get(url);
        return polls == null ? 0 : polls.get();
    }

    /** The most polls of one host that were ever in flight at the same time. */
    public int maxConcurrentPolls(String host) {
        AtomicInteger max = REGISTRY.get(id).maxInFlight.get(host);
        return max == null ? 0 : max.get();
    }

    public SerializableSupplier<FeedPoller> pollers() {
        String registryId = id;
        return () -> request -> respond(REGISTRY.get(registryId), request);
    }

    private static FeedResponse respond(Registry registry, FeedRequest request) {
        String host = ItemKeys.host(request.feedUrl());
        AtomicInteger inFlight = registry.inFlight.computeIfAbsent(host, h -> new AtomicInteger());
        int now = inFlight.incrementAndGet();
        registry.maxInFlight
                .computeIfAbsent(host, h -> new AtomicInteger())
                .accumulateAndGet(now, Math::max);
        try {
            Thread.yield(); // give an impolite concurrent poll of the same host a chance to show
            int poll =
                    registry.polls
                            .computeIfAbsent(request.feedUrl(), u -> new AtomicInteger())
                            .getAndIncrement();
            Script script = registry.scripts.get(request.feedUrl());
            return script == null
                    ? new FeedResponse.Failed("HTTP 404")
                    : script.respond(poll, request);
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
