package dev.newsflow.query.feed;

import static dev.newsflow.query.feed.FeedFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.query.http.ApiException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedCursorTest {

    @Test
    void roundTripKeepsVersionTimeAndShownArticles() {
        // Given
        FeedCursor cursor = FeedCursor.first(1_740_000_000_123L, NOW).after(List.of("a", "b"));

        // When
        String encoded = cursor.encode();
        FeedCursor decoded = FeedCursor.decode(encoded);

        // Then
        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(decoded).isEqualTo(cursor);
        assertThat(decoded.shownSet())
                .containsExactlyInAnyOrder(
                        FeedCursor.fingerprint("a"), FeedCursor.fingerprint("b"));
        assertThat(decoded.shownSet()).doesNotContain(FeedCursor.fingerprint("c"));
    }

    @Test
    void aFullFeedStillFitsInAUrl() {
        List<String> ids =
                IntStream.range(0, FeedCursor.MAX_SHOWN).mapToObj(i -> "id-" + i).toList();

        String encoded = FeedCursor.first(-1, NOW).after(ids).encode();

        assertThat(encoded.length()).isLessThan(FeedCursor.MAX_ENCODED_LENGTH);
        assertThat(FeedCursor.decode(encoded).shown()).hasSize(FeedCursor.MAX_SHOWN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not base64!",
                "bm90IGpzb24", // "not json"
                "e30", // {}
                "",
            })
    void malformedCursorsAre400(String cursor) {
        assertThatThrownBy(() -> FeedCursor.decode(cursor))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("cursor");
    }

    @Test
    void wellFormedJsonWithWrongContentIs400() {
        for (JsonObject json :
                List.of(
                        new JsonObject().put("v", 1).put("t", -5).put("s", ""),
                        new JsonObject().put("v", 1).put("t", 5).put("s", "AAA"),
                        new JsonObject().put("v", "x").put("t", 5).put("s", ""),
                        new JsonObject().put("v", 1).put("t", 5).put("s", "").put("x", 1),
                        new JsonObject().put("v", 1).put("t", 5).put("s", tooMany()))) {
            assertThatThrownBy(() -> FeedCursor.decode(encode(json)))
                    .as(json.encode())
                    .isInstanceOf(ApiException.class);
        }
    }

    private static String tooMany() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new byte[(FeedCursor.MAX_SHOWN + 1) * Integer.BYTES]);
    }

    private static String encode(JsonObject json) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
    }
}
