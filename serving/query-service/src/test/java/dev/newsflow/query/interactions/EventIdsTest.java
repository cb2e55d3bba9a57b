package dev.newsflow.query.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void sameUserAndKeyGiveTheSameEventIdOtherwiseDifferentOnes() {
        String id = EventIds.forKey("alice", "k-1");

        assertThat(EventIds.forKey("alice", "k-1")).isEqualTo(id);
        assertThat(EventIds.forKey("alice", "k-2")).isNotEqualTo(id);
        assertThat(EventIds.forKey("bob", "k-1")).isNotEqualTo(id);
        assertThat(EventIds.random()).isNotEqualTo(EventIds.random());
    }

    @Test
    void keysArePrintableAsciiUpTo200Characters() {
        assertThat(EventIds.isValidKey("3f2a-retry")).isTrue();
        assertThat(EventIds.isValidKey("a".repeat(200))).isTrue();
        assertThat(EventIds.isValidKey("a".repeat(201))).isFalse();
        assertThat(EventIds.isValidKey("")).isFalse();
        assertThat(EventIds.isValidKey("with space")).isFalse();
        assertThat(EventIds.isValidKey("é")).isFalse();
    }
}
