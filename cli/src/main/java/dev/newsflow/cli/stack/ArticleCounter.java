package dev.newsflow.cli.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.schemas.search.SearchIndex;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Counts the articles OpenSearch can already find (after its refresh interval). */
final class ArticleCounter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI countUri;

    ArticleCounter(URI openSearch) {
        this.countUri = openSearch.resolve("/" + SearchIndex.ARTICLES.alias() + "/_count");
    }

    long count() throws InterruptedException {
        try {
            HttpResponse<String> response =
                    http.send(
                            HttpRequest.newBuilder(countUri).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    ? JSON.readTree(response.body()).path("count").asLong()
                    : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
