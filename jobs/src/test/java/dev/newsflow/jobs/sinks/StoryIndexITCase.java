package dev.newsflow.jobs.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.schemas.Story;
import dev.newsflow.schemas.search.SearchIndex;
import dev.newsflow.testkit.RealServices;
import dev.newsflow.testkit.flink.FlinkTestCluster;
import dev.newsflow.testkit.opensearch.OpenSearchNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.http.HttpHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Story versions through the real OpenSearch sink into the real (strict) stories index, in the
 * order a recovery may replay them.
 */
@ExtendWith(RealServices.class)
class StoryIndexITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theIndexTakesStoryDocumentsAndAnOlderVersionNeverOverwritesANewerOne(
            OpenSearchNode openSearch) throws Exception {
        // Given: versions 2 and 3, then a replay of versions 1 and 2
        List<Float> centroid = new ArrayList<>(Collections.nCopies(384, 0f));
        centroid.set(0, 1f); // the index holds 384-dimensional vectors
        List<Story> versions = new ArrayList<>();
        for (long v : new long[] {2, 3, 1, 2}) {
            Story story = StoryDocumentsTest.story(v);
            story.setHeadline("headline of version " + v);
            story.setArticleCount((int) v);
            story.setCentroid(centroid);
            versions.add(story);
        }
        URI uri = openSearch.httpUri();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromData(versions, new AvroTypeInfo<>(Story.class))
                .sinkTo(
                        StoryIndexSink.opensearch(
                                SearchIndex.STORIES.alias(),
                                new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme())));

        // When: the job writes them (and does not fail on the stale ones)
        env.execute("story index");

        // Then: the newest version is the one indexed
        JsonNode doc = get(uri, "/" + SearchIndex.STORIES.alias() + "/_doc/s-a1");
        assertThat(doc.path("_version").asLong()).isEqualTo(3);
        assertThat(doc.path("_source").path("version").asLong()).isEqualTo(3);
        assertThat(doc.path("_source").path("headline").asText())
                .isEqualTo("headline of version 3");
        assertThat(doc.path("_source").path("articleCount").asInt()).isEqualTo(3);
    }

    private static JsonNode get(URI base, String path) throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
