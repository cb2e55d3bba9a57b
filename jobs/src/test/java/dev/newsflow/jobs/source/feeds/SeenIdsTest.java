package dev.newsflow.jobs.source.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeenIdsTest {

    @Test
    void beyondCapacityTheOldestIdsAreForgottenFirst() {
        // Given
        SeenIds seen = new SeenIds(3, List.of(1L, 2L, 3L));

        // When
        seen.touchAll(List.of(4L, 5L));

        // Then
        assertThat(seen.toList()).containsExactly(3L, 4L, 5L);
        assertThat(seen.contains(1L)).isFalse();
        assertThat(seen.contains(5L)).isTrue();
        assertThat(seen.size()).isEqualTo(3);
    }

    @Test
    void idsStillPresentInTheFeedAreRefreshedAndSurviveNewOnes() {
        // Given: 1 was seen first, then 2 and 3
        SeenIds seen = new SeenIds(3, List.of(1L, 2L, 3L));

        // When: 1 is still in the feed when 4 appears
        seen.touchAll(List.of(4L, 1L));

        // Then: 2, the oldest no longer refreshed, goes; 1 stays
        assertThat(seen.toList()).containsExactly(3L, 4L, 1L);
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new SeenIds(0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
