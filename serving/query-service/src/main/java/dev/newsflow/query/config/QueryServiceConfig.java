package dev.newsflow.query.config;

import dev.newsflow.schemas.search.SearchIndex;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Typed, immutable configuration of the query service. Defaults serve the local embedded stack;
 * every field can be overridden through the environment key named by its {@code ENV_*} constant.
 *
 * @param httpHost interface the HTTP server binds to
 * @param httpPort HTTP port; {@code 0} picks any free port (read it back from the handle)
 * @param openSearchUri base URI of the OpenSearch REST API
 * @param indexAlias alias that searches and article look-ups address
 * @param defaultK number of search results when the request names no {@code k}
 * @param openSearchTimeout time limit of one OpenSearch request
 * @param embedderThreads worker threads that embed queries off the event loop
 * @param kafkaBootstrapServers Kafka brokers that interactions are published to
 * @param apiKeysFile JSON file of users and hashed API keys; {@code null}: no user can sign in
 * @param rateLimit token bucket applied per API key, or per client IP without a key
 * @param readyTimeout time limit of each dependency check of {@code /ready}
 * @param feed candidates, ranking and diversity of {@code GET /feed}
 */
public record QueryServiceConfig(
        String httpHost,
        int httpPort,
        URI openSearchUri,
        String indexAlias,
        int defaultK,
        Duration openSearchTimeout,
        int embedderThreads,
        String kafkaBootstrapServers,
        Path apiKeysFile,
        RateLimit rateLimit,
        Duration readyTimeout,
        FeedConfig feed) {

    /**
     * A token bucket: {@code burst} requests at once, refilled at {@code perSecond}.
     *
     * @param burst bucket capacity, at least 1
     * @param perSecond tokens added per second, positive
     */
    public record RateLimit(int burst, double perSecond) {
        public RateLimit {
            if (burst < 1) {
                throw new IllegalArgumentException("rate limit burst must be at least 1");
            }
            if (!(perSecond > 0)) {
                throw new IllegalArgumentException("rate limit per second must be positive");
            }
        }
    }

    public static final String ENV_HTTP_HOST = "NEWSFLOW_HTTP_HOST";
    public static final String ENV_HTTP_PORT = "NEWSFLOW_HTTP_PORT";
    public static final String ENV_OPENSEARCH_URL = "NEWSFLOW_OPENSEARCH_URL";
    public static final String ENV_ARTICLES_ALIAS = "NEWSFLOW_ARTICLES_ALIAS";
    public static final String ENV_SEARCH_DEFAULT_K = "NEWSFLOW_SEARCH_DEFAULT_K";
    public static final String ENV_OPENSEARCH_TIMEOUT_MS = "NEWSFLOW_OPENSEARCH_TIMEOUT_MS";
    public static final String ENV_EMBEDDER_THREADS = "NEWSFLOW_EMBEDDER_THREADS";
    public static final String ENV_KAFKA_BOOTSTRAP = "NEWSFLOW_KAFKA_BOOTSTRAP";
    public static final String ENV_API_KEYS_FILE = "NEWSFLOW_API_KEYS_FILE";
    public static final String ENV_RATE_LIMIT_BURST = "NEWSFLOW_RATE_LIMIT_BURST";
    public static final String ENV_RATE_LIMIT_PER_SECOND = "NEWSFLOW_RATE_LIMIT_PER_SECOND";
    public static final String ENV_READY_TIMEOUT_MS = "NEWSFLOW_READY_TIMEOUT_MS";

    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final URI DEFAULT_OPENSEARCH_URI = URI.create("http://127.0.0.1:9200");
    public static final String DEFAULT_INDEX_ALIAS = SearchIndex.ARTICLES.alias();
    public static final int DEFAULT_K = 10;
    public static final Duration DEFAULT_OPENSEARCH_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_EMBEDDER_THREADS = 2;
    public static final String DEFAULT_KAFKA_BOOTSTRAP = "127.0.0.1:9092";
    public static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(20, 10.0);
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(2);

    /** Largest {@code k} a search may ask for. */
    public static final int MAX_K = 100;

    public QueryServiceConfig {
        requireText(httpHost, "httpHost");
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("httpPort must be in 0..65535, was " + httpPort);
        }
        Objects.requireNonNull(openSearchUri, "openSearchUri");
        String scheme = openSearchUri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || openSearchUri.getHost() == null) {
            throw new IllegalArgumentException(
                    "openSearchUri must be an absolute http(s) URI, was " + openSearchUri);
        }
        requireText(indexAlias, "indexAlias");
        if (defaultK < 1 || defaultK > MAX_K) {
            throw new IllegalArgumentException(
                    "defaultK must be in 1.." + MAX_K + ", was " + defaultK);
        }
        Objects.requireNonNull(openSearchTimeout, "openSearchTimeout");
        if (openSearchTimeout.isNegative() || openSearchTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "openSearchTimeout must be positive, was " + openSearchTimeout);
        }
        if (embedderThreads < 1) {
            throw new IllegalArgumentException(
                    "embedderThreads must be at least 1, was " + embedderThreads);
        }
        requireText(kafkaBootstrapServers, "kafkaBootstrapServers");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "readyTimeout must be positive, was " + readyTimeout);
        }
        Objects.requireNonNull(feed, "feed");
    }

    /** The local-stack defaults. */
    public static QueryServiceConfig defaults() {
        return new QueryServiceConfig(
                DEFAULT_HTTP_HOST,
                DEFAULT_HTTP_PORT,
                DEFAULT_OPENSEARCH_URI,
                DEFAULT_INDEX_ALIAS,
                DEFAULT_K,
                DEFAULT_OPENSEARCH_TIMEOUT,
                DEFAULT_EMBEDDER_THREADS,
                DEFAULT_KAFKA_BOOTSTRAP,
                null,
                DEFAULT_RATE_LIMIT,
                DEFAULT_READY_TIMEOUT,
                FeedConfig.defaults());
    }

    /**
     * Reads the configuration from environment variables (usually {@code System.getenv()}), falling
     * back to {@link #defaults()} for every key that is absent or blank.
     *
     * @throws IllegalArgumentException naming the key whose value is malformed
     */
    public static QueryServiceConfig fromEnv(Map<String, String> env) {
        QueryServiceConfig d = defaults();
        return new QueryServiceConfig(
                text(env, ENV_HTTP_HOST, d.httpHost()),
                integer(env, ENV_HTTP_PORT, d.httpPort()),
                uri(env, ENV_OPENSEARCH_URL, d.openSearchUri()),
                text(env, ENV_ARTICLES_ALIAS, d.indexAlias()),
                integer(env, ENV_SEARCH_DEFAULT_K, d.defaultK()),
                Duration.ofMillis(
                        integer(env, ENV_OPENSEARCH_TIMEOUT_MS, d.openSearchTimeout().toMillis())),
                integer(env, ENV_EMBEDDER_THREADS, d.embedderThreads()),
                text(env, ENV_KAFKA_BOOTSTRAP, d.kafkaBootstrapServers()),
                path(env, ENV_API_KEYS_FILE),
                new RateLimit(
                        integer(env, ENV_RATE_LIMIT_BURST, d.rateLimit().burst()),
                        decimal(env, ENV_RATE_LIMIT_PER_SECOND, d.rateLimit().perSecond())),
                Duration.ofMillis(integer(env, ENV_READY_TIMEOUT_MS, d.readyTimeout().toMillis())),
                FeedConfig.fromEnv(env));
    }

    public QueryServiceConfig withHttpPort(int port) {
        return new Builder(this).httpPort(port).build();
    }

    public QueryServiceConfig withOpenSearchUri(URI uri) {
        return new Builder(this).openSearchUri(uri).build();
    }

    public QueryServiceConfig withOpenSearchTimeout(Duration timeout) {
        return new Builder(this).openSearchTimeout(timeout).build();
    }

    public QueryServiceConfig withKafkaBootstrapServers(String servers) {
        return new Builder(this).kafkaBootstrapServers(servers).build();
    }

    public QueryServiceConfig withApiKeysFile(Path file) {
        return new Builder(this).apiKeysFile(file).build();
    }

    public QueryServiceConfig withRateLimit(RateLimit limit) {
        return new Builder(this).rateLimit(limit).build();
    }

    public QueryServiceConfig withFeed(FeedConfig feed) {
        return new Builder(this).feed(feed).build();
    }

    /** Copies a configuration with some fields changed; the withers above are its only users. */
    private static final class Builder {
        private final QueryServiceConfig c;
        private int httpPort;
        private URI openSearchUri;
        private Duration openSearchTimeout;
        private String kafkaBootstrapServers;
        private Path apiKeysFile;
        private RateLimit rateLimit;
        private FeedConfig feed;

        Builder(QueryServiceConfig c) {
            this.c = c;
            this.httpPort = c.httpPort;
            this.openSearchUri = c.openSearchUri;
            this.openSearchTimeout = c.openSearchTimeout;
            this.kafkaBootstrapServers = c.kafkaBootstrapServers;
            this.apiKeysFile = c.apiKeysFile;
            this.rateLimit = c.rateLimit;
            this.feed = c.feed;
        }

        Builder httpPort(int v) {
            httpPort = v;
            return this;
        }

        Builder openSearchUri(URI v) {
            openSearchUri = v;
            return this;
        }

        Builder openSearchTimeout(Duration v) {
            openSearchTimeout = v;
            return this;
        }

        Builder kafkaBootstrapServers(String v) {
            kafkaBootstrapServers = v;
            return this;
        }

        Builder apiKeysFile(Path v) {
            apiKeysFile = v;
            return this;
        }

        Builder rateLimit(RateLimit v) {
            rateLimit = v;
            return this;
        }

        Builder feed(FeedConfig v) {
            feed = v;
            return this;
        }

        QueryServiceConfig build() {
            return new QueryServiceConfig(
                    c.httpHost,
                    httpPort,
                    openSearchUri,
                    c.indexAlias,
                    c.defaultK,
                    openSearchTimeout,
                    c.embedderThreads,
                    kafkaBootstrapServers,
                    apiKeysFile,
                    rateLimit,
                    c.readyTimeout,
                    feed);
        }
    }

    private static String text(Map<String, String> env, String key, String fallback) {
        String value = env.get(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static int integer(Map<String, String> env, String key, long fallback) {
        String value = text(env, key, Long.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, was '" + value + "'", e);
        }
    }

    private static double decimal(Map<String, String> env, String key, double fallback) {
        String value = text(env, key, Double.toString(fallback));
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, was '" + value + "'", e);
        }
    }

    private static Path path(Map<String, String> env, String key) {
        String value = text(env, key, "");
        return value.isEmpty() ? null : Path.of(value);
    }

    private static URI uri(Map<String, String> env, String key, URI fallback) {
        String value = text(env, key, fallback.toString());
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " is not a URI: '" + value + "'", e);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
