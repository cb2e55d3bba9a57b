package dev.newsflow.schemas.search;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Creates an index's template, its concrete index and its alias when they are missing. Idempotent:
 * every job and service calls it on start, whichever starts first.
 */
public final class SearchIndexBootstrap {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI openSearch;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public SearchIndexBootstrap(URI openSearch) {
        this.openSearch = openSearch;
    }

    public void ensure(SearchIndex index) {
        send("PUT", "/_index_template/" + index.templateName(), index.templateJson(), 200);
        if (status("HEAD", "/_alias/" + index.alias()) == 404) {
            String body = "{\"aliases\":{\"" + index.alias() + "\":{\"is_write_index\":true}}}";
            int code = status("PUT", "/" + index.concreteIndex(), body);
            // 400 resource_already_exists_exception: another starter won the race.
            if (code != 200 && code != 400) {
                throw new IllegalStateException(
                        "Cannot create index "
                                + index.concreteIndex()
                                + " at "
                                + openSearch
                                + ": HTTP "
                                + code);
            }
        }
    }

    private void send(String method, String path, String body, int expected) {
        HttpResponse<String> response = exchange(method, path, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    method
                            + " "
                            + path
                            + " at "
                            + openSearch
                            + " answered HTTP "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
    }

    private int status(String method, String path) {
        return exchange(method, path, null).statusCode();
    }

    private int status(String method, String path, String body) {
        return exchange(method, path, body).statusCode();
    }

    private HttpResponse<String> exchange(String method, String path, String body) {
        HttpRequest request =
                HttpRequest.newBuilder(openSearch.resolve(path))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "OpenSearch at " + openSearch + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while talking to OpenSearch", e);
        }
    }
}
