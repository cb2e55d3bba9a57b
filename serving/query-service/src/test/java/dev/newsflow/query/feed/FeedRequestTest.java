package dev.newsflow.query.feed;

import static dev.newsflow.query.feed.FeedFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.query.auth.ApiUser;
import dev.newsflow.query.auth.Role;
import dev.newsflow.query.http.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedRequestTest {

    private static final ApiUser ALICE = new ApiUser("alice", Role.USER);

    @Test
    void defaultsToTheCallersFirstPage() {
        FeedRequest request = FeedRequest.parse(Map.of(), ALICE);

        assertThat(request)
                .isEqualTo(new FeedRequest("alice", FeedRequest.DEFAULT_LIMIT, null, null));
    }

    @Test
    void readsLimitCursorLanguageAndTheCallersOwnUserId() {
        FeedCursor cursor = FeedCursor.first(7, NOW).after(List.of("a"));

        FeedRequest request =
                FeedRequest.parse(
                        Map.of(
                                "limit", List.of(" 50 "),
                                "cursor", List.of(cursor.encode()),
                                "language", List.of("en"),
                                "userId", List.of("alice")),
                        ALICE);

        assertThat(request).isEqualTo(new FeedRequest("alice", 50, cursor, "en"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "51", "-1", "ten", "1.5"})
    void limitOutside1To50Is400(String limit) {
        assertThatThrownBy(() -> FeedRequest.parse(Map.of("limit", List.of(limit)), ALICE))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("limit");
    }

    @Test
    void unknownParameterIs400() {
        assertThatThrownBy(() -> FeedRequest.parse(Map.of("k", List.of("5")), ALICE))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("[k]");
    }

    @Test
    void anotherUsersFeedIs403EvenForAnalysts() {
        ApiUser analyst = new ApiUser("ana", Role.ANALYST);

        assertThatThrownBy(() -> FeedRequest.parse(Map.of("userId", List.of("bob")), analyst))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void malformedCursorIs400() {
        assertThatThrownBy(() -> FeedRequest.parse(Map.of("cursor", List.of("%%%")), ALICE))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
