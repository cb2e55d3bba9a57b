package dev.newsflow.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.query.search.OpenSearchException;
import io.vertx.ext.web.handler.HttpException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class JsonFailureHandlerTest {

    @Test
    void statusComesFromTheFailureWhenItKnowsOne() {
        assertThat(JsonFailureHandler.status(-1, ApiException.badRequest("no"))).isEqualTo(400);
        assertThat(JsonFailureHandler.status(-1, ApiException.notFound("no"))).isEqualTo(404);
        assertThat(
                        JsonFailureHandler.status(
                                -1, OpenSearchException.unreachable(new ConnectException())))
                .isEqualTo(503);
        assertThat(JsonFailureHandler.status(-1, new HttpException(413))).isEqualTo(413);
    }

    @Test
    void statusOfTheContextCountsWhenThereIsNoFailure() {
        assertThat(JsonFailureHandler.status(404, null)).isEqualTo(404);
        assertThat(JsonFailureHandler.status(405, null)).isEqualTo(405);
    }

    @Test
    void anythingElseIsAServerError() {
        assertThat(JsonFailureHandler.status(-1, null)).isEqualTo(500);
        assertThat(JsonFailureHandler.status(200, null)).isEqualTo(500);
        assertThat(JsonFailureHandler.status(-1, new IllegalStateException("bug"))).isEqualTo(500);
    }
}
