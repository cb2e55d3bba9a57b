package dev.newsflow.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class OpenSearchExceptionTest {

    @Test
    void unreachableIsServiceUnavailableWithoutAddressInTheMessage() {
        // Given
        ConnectException cause = new ConnectException("Connection refused: /10.1.2.3:9200");

        // When
        OpenSearchException e = OpenSearchException.unreachable(cause);

        // Then
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.getMessage())
                .isEqualTo("OpenSearch is unreachable")
                .doesNotContain("10.1.2.3");
        assertThat(e.getCause()).isSameAs(cause);
    }

    @Test
    void aTimeoutIsServiceUnavailableSayingSo() {
        TimeoutException cause =
                new TimeoutException(
                        "The timeout of 5000 ms has been exceeded when getting a connection to"
                                + " 10.1.2.3:9200");

        OpenSearchException e = OpenSearchException.unreachable(cause);

        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.getMessage())
                .isEqualTo("OpenSearch did not answer in time (overloaded?)")
                .doesNotContain("10.1.2.3");
    }

    @Test
    void missingIndexIsServiceUnavailableNamingTheAlias() {
        // Given
        String body =
                """
                {"error":{"type":"index_not_found_exception","reason":"no such index [articles]"},
                 "status":404}
                """;

        // When
        OpenSearchException e = OpenSearchException.answered(404, body, "articles");

        // Then
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.getMessage()).contains("'articles'");
    }

    @Test
    void serverErrorsAndThrottlingAreServiceUnavailable() {
        String body = "{\"error\":{\"type\":\"search_phase_execution_exception\"}}";

        assertThat(OpenSearchException.answered(500, body, "a").httpStatus()).isEqualTo(503);
        assertThat(OpenSearchException.answered(500, body, "a").getMessage())
                .isEqualTo(
                        "OpenSearch is unavailable: HTTP 500 (search_phase_execution_exception)");
        assertThat(OpenSearchException.answered(429, "", "a").httpStatus()).isEqualTo(503);
    }

    @Test
    void otherClientErrorsAreABadGateway() {
        // Given a body that is not JSON, as a proxy in front of OpenSearch might send
        OpenSearchException e = OpenSearchException.answered(400, "<html>nope</html>", "a");

        // Then
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.getMessage()).isEqualTo("OpenSearch rejected the request: HTTP 400");
    }

    @Test
    void errorTypeIsReadOnlyFromAnErrorObject() {
        assertThat(OpenSearchException.errorType("{\"error\":{\"type\":\"x\"}}")).isEqualTo("x");
        assertThat(OpenSearchException.errorType("{\"error\":\"plain\"}")).isNull();
        assertThat(OpenSearchException.errorType("[1]")).isNull();
        assertThat(OpenSearchException.errorType(null)).isNull();
    }
}
