package dev.newsflow.jobs.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.schemas.Interest;
import dev.newsflow.schemas.Persona;
import java.time.Instant;
import java.util.List;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.util.FlinkRuntimeException;
import org.junit.jupiter.api.Test;
import org.opensearch.action.DocWriteRequest;
import org.opensearch.action.bulk.BulkItemResponse;
import org.opensearch.action.bulk.BulkRequest;
import org.opensearch.action.bulk.BulkResponse;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.action.index.IndexResponse;
import org.opensearch.core.index.shard.ShardId;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.index.VersionType;

/** Persona documents, their external versions, and which bulk failures fail the sink. */
class PersonaDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void theDocumentCarriesTheVectorsInterestsAndArticleLists() throws Exception {
        JsonNode doc = JSON.readTree(PersonaDocuments.json(persona(List.of(0.6f, 0.8f))));

        assertThat(doc.path("userId").asText()).isEqualTo("u1");
        assertThat(doc.path("vector").toString()).isEqualTo("[0.6,0.8]");
        assertThat(doc.path("negativeVector").isMissingNode()).isTrue();
        assertThat(doc.path("version").asLong()).isEqualTo(42L);
        assertThat(doc.path("updatedAt").asText()).isEqualTo("2026-03-01T12:00:00Z");
        assertThat(doc.path("rejectedArticleIds").toString()).isEqualTo("[\"r1\"]");
        assertThat(doc.path("interests")).hasSize(1);
        JsonNode interest = doc.path("interests").get(0);
        assertThat(interest.path("articleId").asText()).isEqualTo("a1");
        assertThat(interest.path("centroid").toString()).isEqualTo("[1.0,0.0]");
        assertThat(interest.path("lastUpdated").asText()).isEqualTo("2026-03-01T12:00:00Z");
    }

    @Test
    void aProfileWithoutPositiveEvidenceHasNoVectorField() throws Exception {
        assertThat(JSON.readTree(PersonaDocuments.json(persona(List.of()))).has("vector"))
                .isFalse();
    }

    @Test
    void personasAreIndexedUnderTheUserIdWithTheirVersionAsExternalVersion() {
        IndexRequest request = PersonaIndexEmitter.request("personas", persona(List.of(1f, 0f)));

        assertThat(request.id()).isEqualTo("u1");
        assertThat(request.version()).isEqualTo(42L);
        assertThat(request.versionType()).isEqualTo(VersionType.EXTERNAL_GTE);
    }

    @Test
    void aStaleVersionIsCountedAndSkippedAnyOtherFailureFailsTheSink() {
        SimpleCounter stale = new SimpleCounter();
        IgnoreStaleVersions inspector = new IgnoreStaleVersions(stale);
        BulkRequest request =
                new BulkRequest()
                        .add(PersonaIndexEmitter.request("personas", persona(List.of(1f, 0f))))
                        .add(PersonaIndexEmitter.request("personas", persona(List.of(1f, 0f))));

        inspector.inspect(request, response(failed(0, RestStatus.CONFLICT), ok(1)));
        assertThat(stale.getCount()).isEqualTo(1);

        assertThatThrownBy(
                        () ->
                                inspector.inspect(
                                        request,
                                        response(
                                                failed(0, RestStatus.CONFLICT),
                                                failed(1, RestStatus.BAD_REQUEST))))
                .isInstanceOf(FlinkRuntimeException.class)
                .hasMessageContaining("400");
        assertThat(stale.getCount()).isEqualTo(2);
    }

    private static BulkResponse response(BulkItemResponse... items) {
        return new BulkResponse(items, 1);
    }

    private static BulkItemResponse failed(int i, RestStatus status) {
        return new BulkItemResponse(
                i,
                DocWriteRequest.OpType.INDEX,
                new BulkItemResponse.Failure(
                        "personas-v1", "u1", new IllegalStateException(status.name()), status));
    }

    private static BulkItemResponse ok(int i) {
        return new BulkItemResponse(
                i,
                DocWriteRequest.OpType.INDEX,
                new IndexResponse(new ShardId("personas-v1", "uuid", 0), "u1", 1, 1, 42, true));
    }

    private static Persona persona(List<Float> vector) {
        return Persona.newBuilder()
                .setUserId("u1")
                .setVector(vector)
                .setNegativeVector(null)
                .setInteractionCount(3)
                .setVersion(42)
                .setUpdatedAt(AT)
                .setInterests(
                        List.of(
                                Interest.newBuilder()
                                        .setCentroid(List.of(1f, 0f))
                                        .setWeight(2.0)
                                        .setCount(2)
                                        .setLastUpdated(AT)
                                        .setArticleId("a1")
                                        .setTitle("Title")
                                        .build()))
                .setLikedArticleIds(List.of("a1"))
                .setRejectedArticleIds(List.of("r1"))
                .setSeenArticleIds(List.of("a1", "r1"))
                .build();
    }
}
