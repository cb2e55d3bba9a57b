package dev.newsflow.jobs.functions.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class ActiveStoryTypeTest {

    private static final TypeInformation<ActiveStory> TYPE = TypeInformation.of(ActiveStory.class);

    @Test
    void storyStateIsAFlinkPojoWithoutKryoFields() {
        assertThat(TYPE).isInstanceOf(PojoTypeInfo.class);
        PojoTypeInfo<ActiveStory> pojo = (PojoTypeInfo<ActiveStory>) TYPE;
        for (int i = 0; i < pojo.getArity(); i++) {
            assertThat(pojo.getPojoFieldAt(i).getTypeInformation())
                    .as(pojo.getPojoFieldAt(i).getField().getName())
                    .isNotInstanceOf(GenericTypeInfo.class);
        }
    }

    @Test
    void aStorySurvivesSerializationWithMutableCollections() throws Exception {
        ActiveStory story = StoryUpdates.found(StoryFixtures.article("a1").build(), 3, 1_000L);
        story.memberIds.add("a1");
        story.keywordCounts.put("assange", 2);
        story.sourceFirstSeen.put("bbc.com", 1_000L);
        story.recentJoins.add(1_000L);
        story.importanceComponents.put(Importance.SOURCES, 0.2);
        TypeSerializer<ActiveStory> serializer =
                TYPE.createSerializer(new ExecutionConfig().getSerializerConfig());

        ActiveStory copy =
                InstantiationUtil.deserializeFromByteArray(
                        serializer, InstantiationUtil.serializeToByteArray(serializer, story));

        assertThat(copy).usingRecursiveComparison().isEqualTo(story);
        copy.memberIds.add("a2");
        copy.keywordCounts.put("sweden", 1);
        assertThat(copy.memberIds).isEqualTo(List.of("a1", "a2"));
    }
}
