package dev.newsflow.jobs.functions.fetch;

import java.io.Serializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything {@link HttpFetcher} and {@link HostPoliteness} may be configured with: timeouts,
 * limits, accepted content types, the SSRF switches and per-host politeness. Immutable and
 * serializable, so a Flink function can carry it and build its fetcher in {@code open()}.
 *
 * @param connectTimeout TCP connect timeout (also the wait for a pooled connection)
 * @param readTimeout longest silence while waiting for or reading the response
 * @param totalTimeout the whole fetch, redirects and body included: a server that trickles one byte
 *     per read timeout cannot hold a worker longer than this
 * @param maxRedirects redirects followed before giving up (0: none)
 * @param maxBodyBytes bytes accepted on the wire (compressed size)
 * @param maxDecompressedBytes bytes accepted after undoing gzip/deflate (the gzip-bomb limit)
 * @param acceptedContentTypes media types accepted per kind, lower case, no parameters
 * @param userAgent sent with every request
 * @param allowLoopback permit 127/8 and ::1 (tests and the local stack only)
 * @param allowPrivate permit 10/8, 172.16/12, 192.168/16, fc00::/7 and 100.64/10; link-local,
 *     metadata, multicast and reserved addresses are refused regardless
 * @param hostMaxConcurrency requests in flight per host
 * @param hostMinInterval spacing between request starts on one host, and after one ends
 * @param defaultRetryAfter the wait reported for a 429/503 without a usable {@code Retry-After}
 * @param maxConnections connections the fetcher's pool holds across all hosts
 */
public record FetchPolicy(
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        int maxRedirects,
        long maxBodyBytes,
        long maxDecompressedBytes,
        Map<FetchKind, Set<String>> acceptedContentTypes,
        String userAgent,
        boolean allowLoopback,
        boolean allowPrivate,
        int hostMaxConcurrency,
        Duration hostMinInterval,
        Duration defaultRetryAfter,
        int maxConnections)
        implements Serializable {

    /** Feeds: XML in its usual labels, plus text types; HTML served as a feed fails in Rome. */
    public static final Set<String> FEED_TYPES =
            Set.of(
                    "application/rss+xml",
                    "application/atom+xml",
                    "application/rdf+xml",
                    "application/x-rss+xml",
                    "application/xml",
                    "text/xml",
                    "text/plain",
                    "text/html");

    public static final Set<String> PAGE_TYPES = Set.of("text/html", "application/xhtml+xml");

    public FetchPolicy {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(totalTimeout, "totalTimeout");
        require(
                hostMinInterval != null && !hostMinInterval.isNegative(),
                "hostMinInterval must not be negative");
        requirePositive(defaultRetryAfter, "defaultRetryAfter");
        require(maxRedirects >= 0, "maxRedirects must be >= 0");
        require(maxBodyBytes > 0, "maxBodyBytes must be > 0");
        require(maxDecompressedBytes > 0, "maxDecompressedBytes must be > 0");
        require(hostMaxConcurrency > 0, "hostMaxConcurrency must be > 0");
        require(maxConnections > 0, "maxConnections must be > 0");
        require(userAgent != null && !userAgent.isBlank(), "userAgent must not be blank");
        EnumMap<FetchKind, Set<String>> types = new EnumMap<>(FetchKind.class);
        for (FetchKind kind : FetchKind.values()) {
            Set<String> given = acceptedContentTypes.get(kind);
            require(given != null && !given.isEmpty(), "no accepted content types for " + kind);
            types.put(
                    kind,
                    given.stream()
                            .map(t -> t.trim().toLowerCase(Locale.ROOT))
                            .collect(Collectors.toUnmodifiableSet()));
        }
        acceptedContentTypes = Map.copyOf(types);
    }

    /** Defaults for fetching from the public internet. */
    public static FetchPolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.totalTimeout = totalTimeout;
        b.maxRedirects = maxRedirects;
        b.maxBodyBytes = maxBodyBytes;
        b.maxDecompressedBytes = maxDecompressedBytes;
        b.acceptedContentTypes = new EnumMap<>(acceptedContentTypes);
        b.userAgent = userAgent;
        b.allowLoopback = allowLoopback;
        b.allowPrivate = allowPrivate;
        b.hostMaxConcurrency = hostMaxConcurrency;
        b.hostMinInterval = hostMinInterval;
        b.defaultRetryAfter = defaultRetryAfter;
        b.maxConnections = maxConnections;
        return b;
    }

    public boolean accepts(FetchKind kind, String mediaType) {
        return acceptedContentTypes.get(kind).contains(mediaType);
    }

    private static void requirePositive(Duration d, String name) {
        require(d != null && d.compareTo(Duration.ZERO) > 0, name + " must be positive");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Mutable builder; starts from the defaults. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(20);
        private Duration totalTimeout = Duration.ofSeconds(60);
        private int maxRedirects = 5;
        private long maxBodyBytes = 10L * 1024 * 1024;
        private long maxDecompressedBytes = 32L * 1024 * 1024;
        private Map<FetchKind, Set<String>> acceptedContentTypes =
                new EnumMap<>(Map.of(FetchKind.FEED, FEED_TYPES, FetchKind.PAGE, PAGE_TYPES));
        private String userAgent = "Newsflow/0.1 (news feed and page fetcher)";
        private boolean allowLoopback;
        private boolean allowPrivate;
        private int hostMaxConcurrency = 2;
        private Duration hostMinInterval = Duration.ofSeconds(1);
        private Duration defaultRetryAfter = Duration.ofMinutes(1);
        private int maxConnections = 64;

        private Builder() {}

        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        public Builder readTimeout(Duration v) {
            readTimeout = v;
            return this;
        }

        public Builder totalTimeout(Duration v) {
            totalTimeout = v;
            return this;
        }

        public Builder maxRedirects(int v) {
            maxRedirects = v;
            return this;
        }

        public Builder maxBodyBytes(long v) {
            maxBodyBytes = v;
            return this;
        }

        public Builder maxDecompressedBytes(long v) {
            maxDecompressedBytes = v;
            return this;
        }

        public Builder acceptedContentTypes(FetchKind kind, Set<String> types) {
            acceptedContentTypes.put(kind, types);
            return this;
        }

        public Builder userAgent(String v) {
            userAgent = v;
            return this;
        }

        public Builder allowLoopback(boolean v) {
            allowLoopback = v;
            return this;
        }

        public Builder allowPrivate(boolean v) {
            allowPrivate = v;
            return this;
        }

        public Builder hostMaxConcurrency(int v) {
            hostMaxConcurrency = v;
            return this;
        }

        public Builder hostMinInterval(Duration v) {
            hostMinInterval = v;
            return this;
        }

        public Builder defaultRetryAfter(Duration v) {
            defaultRetryAfter = v;
            return this;
        }

        public Builder maxConnections(int v) {
            maxConnections = v;
            return this;
        }

        public FetchPolicy build() {
            return new FetchPolicy(
                    connectTimeout,
                    readTimeout,
                    totalTimeout,
                    maxRedirects,
                    maxBodyBytes,
                    maxDecompressedBytes,
                    acceptedContentTypes,
                    userAgent,
                    allowLoopback,
                    allowPrivate,
                    hostMaxConcurrency,
                    hostMinInterval,
                    defaultRetryAfter,
                    maxConnections);
        }
    }
}
