package dev.newsflow.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void topicNamesAreUniqueAndValid() {
        assertThat(Topics.all()).extracting(Topics.Topic::name).doesNotHaveDuplicates();
        assertThat(Topics.all())
                .allSatisfy(t -> assertThat(t.name()).matches("[a-z]+\\.[a-z]+"))
                .allSatisfy(t -> assertThat(t.partitions()).isPositive());
    }

    @Test
    void personasTopicIsCompacted() {
        assertThat(Topics.PERSONAS.config()).containsEntry("cleanup.policy", "compact");
    }
}
