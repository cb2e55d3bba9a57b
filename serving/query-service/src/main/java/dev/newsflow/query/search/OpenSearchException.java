package dev.newsflow.query.search;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeoutException;

/**
 * OpenSearch could not answer a request of the service. {@link #httpStatus()} is the status the
 * service answers its own client with; the message is safe to show to that client (no addresses, no
 * stack traces), the cause carries the details for the log.
 */
public final class OpenSearchException extends RuntimeException {

    private final int httpStatus;

    private OpenSearchException(int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /**
     * The request did not reach OpenSearch, or got no answer in time: a free pooled connection or
     * the response took longer than the request timeout ({@code NEWSFLOW_OPENSEARCH_TIMEOUT_MS}),
     * which under load means OpenSearch (or this service) is overloaded rather than down.
     */
    public static OpenSearchException unreachable(Throwable cause) {
        if (cause instanceof TimeoutException) {
            return new OpenSearchException(
                    503, "OpenSearch did not answer in time (overloaded?)", cause);
        }
        return new OpenSearchException(503, "OpenSearch is unreachable", cause);
    }

    /** OpenSearch answered, but its cluster health is red: some primary shard is missing. */
    public static OpenSearchException unhealthy(String clusterStatus) {
        return new OpenSearchException(503, "OpenSearch cluster status is " + clusterStatus, null);
    }

    /** OpenSearch answered 2xx with a body that is not the JSON object it documents. */
    public static OpenSearchException malformed(Throwable cause) {
        return new OpenSearchException(502, "OpenSearch answered with a malformed body", cause);
    }

    /** OpenSearch answered, but with a non-2xx status. */
    public static OpenSearchException answered(int status, String body, String alias) {
        String type = errorType(body);
        if (status == 404 && "index_not_found_exception".equals(type)) {
            return new OpenSearchException(
                    503, "OpenSearch has no index or alias '" + alias + "' yet", null);
        }
        String detail = "HTTP " + status + (type == null ? "" : " (" + type + ")");
        if (status >= 500 || status == 429) {
            return new OpenSearchException(503, "OpenSearch is unavailable: " + detail, null);
        }
        // Any other 4xx means the service sent a request OpenSearch refuses: a bad gateway.
        return new OpenSearchException(502, "OpenSearch rejected the request: " + detail, null);
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The {@code error.type} of an OpenSearch error body, or {@code null}. */
    static String errorType(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            Object error = new JsonObject(body).getValue("error");
            return error instanceof JsonObject json ? json.getString("type") : null;
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }
}
