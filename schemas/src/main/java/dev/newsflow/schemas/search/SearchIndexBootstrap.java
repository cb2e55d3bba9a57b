package dev.newsflow.schemas.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Creates an index's template, its concrete index and its alias when they are missing, and brings
 * an existing concrete index up to the template's field mappings. Idempotent: every job and service
 * calls it on start, whichever starts first.
 */
public final class SearchIndexBootstrap {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI openSearch;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public SearchIndexBootstrap(URI openSearch) {
        this.openSearch = openSearch;
    }

    /** {@link #ensure(SearchIndex)} for every index Newsflow writes. */
    public void ensureAll() {
        for (SearchIndex index : SearchIndex.all()) {
            ensure(index);
        }
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
        updateMappings(index);
    }

    /**
     * An index keeps the mapping it was created with, so fields added to the template since then
     * (with {@code dynamic: strict}) would reject documents. OpenSearch accepts additive mapping
     * changes on a live index; anything else fails here, loudly, and ships as a new index version.
     * An index that already has every field of the template is left alone: besides saving a call,
     * the k-NN plugin (2.19) rejects a mapping update of knn_vector fields in an index without
     * {@code index.knn} with HTTP 500, so {@code personas} can only be created, not updated.
     */
    private void updateMappings(SearchIndex index) {
        if (status("HEAD", "/" + index.concreteIndex()) == 404) {
            return; // The alias points at another concrete index, e.g. after a reindex.
        }
        String template = templateProperties(index);
        HttpResponse<String> live =
                exchange("GET", "/" + index.concreteIndex() + "/_mapping", null);
        if (live.statusCode() == 200 && hasEveryField(template, live.body(), index)) {
            return;
        }
        String body = "{\"properties\":" + template + "}";
        send("PUT", "/" + index.concreteIndex() + "/_mapping", body, 200);
    }

    /**
     * Whether the live mapping (GET _mapping) has every field, nested ones too, of the template.
     */
    static boolean hasEveryField(String templateProperties, String liveMapping, SearchIndex index) {
        try {
            JsonNode live =
                    JSON.readTree(liveMapping)
                            .path(index.concreteIndex())
                            .at("/mappings/properties");
            return covers(live, JSON.readTree(templateProperties));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static boolean covers(JsonNode live, JsonNode template) {
        for (var fields = template.fields(); fields.hasNext(); ) {
            var field = fields.next();
            JsonNode existing = live.path(field.getKey());
            if (existing.isMissingNode()
                    || !covers(existing.path("properties"), field.getValue().path("properties"))
                    || !covers(existing.path("fields"), field.getValue().path("fields"))) {
                return false;
            }
        }
        return true;
    }

    static String templateProperties(SearchIndex index) {
        try {
            JsonNode properties =
                    JSON.readTree(index.templateJson()).at("/template/mappings/properties");
            if (!properties.isObject()) {
                throw new IllegalStateException(
                        "Index template "
                                + index.templateResource()
                                + " has no mapping properties");
            }
            return JSON.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Index template " + index.templateResource() + " is not valid JSON", e);
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
