package dev.newsflow.query.config;

import dev.newsflow.schemas.search.SearchIndex;
import java.net.URI;
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
 */
public record QueryServiceConfig(
        String httpHost,
        int httpPort,
        URI openSearchUri,
        String indexAlias,
        int defaultK,
        Duration openSearchTimeout,
        int embedderThreads) {

    public static final String ENV_HTTP_HOST = "NEWSFLOW_HTTP_HOST";
    public static final String ENV_HTTP_PORT = "NEWSFLOW_HTTP_PORT";
    public static final String ENV_OPENSEARCH_URL = "NEWSFLOW_OPENSEARCH_URL";
    public static final String ENV_ARTICLES_ALIAS = "NEWSFLOW_ARTICLES_ALIAS";
    public static final String ENV_SEARCH_DEFAULT_K = "NEWSFLOW_SEARCH_DEFAULT_K";
    public static final String ENV_OPENSEARCH_TIMEOUT_MS = "NEWSFLOW_OPENSEARCH_TIMEOUT_MS";
    public static final String ENV_EMBEDDER_THREADS = "NEWSFLOW_EMBEDDER_THREADS";

    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final URI DEFAULT_OPENSEARCH_URI = URI.create("http://127.0.0.1:9200");
    public static final String DEFAULT_INDEX_ALIAS = SearchIndex.ARTICLES.alias();
    public static final int DEFAULT_K = 10;
    public static final Duration DEFAULT_OPENSEARCH_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_EMBEDDER_THREADS = 2;

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
                DEFAULT_EMBEDDER_THREADS);
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
                integer(env, ENV_EMBEDDER_THREADS, d.embedderThreads()));
    }

    public QueryServiceConfig withHttpPort(int port) {
        return new QueryServiceConfig(
                httpHost,
                port,
                openSearchUri,
                indexAlias,
                defaultK,
                openSearchTimeout,
                embedderThreads);
    }

    public QueryServiceConfig withOpenSearchUri(URI uri) {
        return new QueryServiceConfig(
                httpHost, httpPort, uri, indexAlias, defaultK, openSearchTimeout, embedderThreads);
    }

    public QueryServiceConfig withOpenSearchTimeout(Duration timeout) {
        return new QueryServiceConfig(
                httpHost, httpPort, openSearchUri, indexAlias, defaultK, timeout, embedderThreads);
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
