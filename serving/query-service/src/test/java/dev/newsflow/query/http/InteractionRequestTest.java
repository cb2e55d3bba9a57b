package dev.newsflow.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.schemas.InteractionType;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class InteractionRequestTest {

    @Test
    void parsesArticleIdAndType() {
        InteractionRequest request =
                InteractionRequest.parse(Buffer.buffer("{\"articleId\":\"a1\",\"type\":\"LIKE\"}"));

        assertThat(request).isEqualTo(new InteractionRequest("a1", InteractionType.LIKE));
    }

    @Test
    void refusesWhatIsNotAValidBody() {
        assertBadRequest(null, "JSON body");
        assertBadRequest("", "JSON body");
        assertBadRequest("{not json", "not a JSON object");
        assertBadRequest("[1,2]", "not a JSON object");
        assertBadRequest("{\"type\":\"LIKE\"}", "'articleId' is required");
        assertBadRequest("{\"articleId\":\"  \",\"type\":\"LIKE\"}", "'articleId' is required");
        assertBadRequest("{\"articleId\":7,\"type\":\"LIKE\"}", "'articleId' is required");
        assertBadRequest("{\"articleId\":\"a1\"}", "'type' is required");
        assertBadRequest(
                "{\"articleId\":\"a1\",\"type\":\"LOVE\"}",
                "'type' must be one of [LIKE, DISLIKE, CLICK, HIDE], was 'LOVE'");
        assertBadRequest(
                "{\"articleId\":\"a1\",\"type\":\"LIKE\",\"userId\":\"mallory\"}",
                "unknown field(s) [userId]");
    }

    private static void assertBadRequest(String body, String message) {
        assertThatThrownBy(
                        () -> InteractionRequest.parse(body == null ? null : Buffer.buffer(body)))
                .as(body)
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining(message);
    }
}
