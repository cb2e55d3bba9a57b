package dev.newsflow.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Times "like event → persona readable": a like sent for a probe user, then a realtime GET of the
 * user's persona document by id every {@code pollInterval} until its interaction count reaches the
 * expected one. A realtime GET sees an indexed document before the next refresh (OpenSearch
 * refreshes the shard's reader for it), which is how the query service will fetch a persona.
 */
final class PersonaProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI openSearch;
    private final Duration pollInterval;
    private final HttpClient http = HttpClient.newHttpClient();

    PersonaProbe(URI openSearch, Duration pollInterval) {
        this.openSearch = openSearch;
        this.pollInterval = pollInterval;
    }

    /**
     * Sends the like with {@code send}, then waits until {@code user}'s persona counts {@code
     * expected} interactions; returns the milliseconds from send to readable, or -1 on timeout.
     */
    double time(String user, long expected, Runnable send, Duration timeout) throws Exception {
        long start = System.nanoTime();
        send.run();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (interactionCount(user) >= expected) {
                return (System.nanoTime() - start) / 1e6;
            }
            Thread.sleep(pollInterval.toMillis());
        }
        return -1;
    }

    long interactionCount(String user) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(
                                        openSearch.resolve(
                                                "/personas/_doc/"
                                                        + user
                                                        + "?_source_includes=interactionCount"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).at("/_source/interactionCount").asLong(0);
    }
}
