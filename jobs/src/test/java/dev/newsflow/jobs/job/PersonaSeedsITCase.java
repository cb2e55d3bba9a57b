package dev.newsflow.jobs.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.inference.client.TritonClient;
import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.inference.server.InferenceServer;
import dev.newsflow.inference.server.InferenceServerConfig;
import dev.newsflow.jobs.config.PersonaConfig;
import dev.newsflow.jobs.functions.persona.PersonaSeeds;
import dev.newsflow.jobs.sinks.PersonaPublisher;
import dev.newsflow.jobs.testing.PersonaSearch;
import dev.newsflow.jobs.testing.PersonaTopics;
import dev.newsflow.jobs.testing.TopicArticles;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Persona;
import dev.newsflow.testkit.RealServices;
import dev.newsflow.testkit.kafka.KafkaBroker;
import dev.newsflow.testkit.opensearch.OpenSearchNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cold start end to end: topics embedded by the real inference server (gRPC) into a seed persona,
 * published to OpenSearch {@code personas} and Kafka {@code user.personas}, for a new user only.
 */
@ExtendWith(RealServices.class)
class PersonaSeedsITCase {

    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void aSeededPersonaIsPublishedForANewUserOnly(KafkaBroker kafka, OpenSearchNode openSearch)
            throws Exception {
        PersonaSearch search = new PersonaSearch(openSearch.httpUri());
        search.indexArticles(articles());
        try (InferenceServer server =
                        InferenceServer.start(InferenceServerConfig.defaults().withPort(0));
                TritonClient client =
                        TritonClient.connect(server.host(), server.port(), Duration.ofSeconds(30));
                PersonaPublisher publisher =
                        new PersonaPublisher(kafka.bootstrapServers(), openSearch.httpUri())) {
            Persona seed =
                    PersonaSeeds.seed(
                            client,
                            "newcomer",
                            List.of("astronomy and space"),
                            AT,
                            PersonaConfig.fromEnv(Map.of()).rules());

            assertThat(publisher.publishIfNew(seed)).isTrue();
            assertThat(publisher.publishIfNew(seed)).as("the user has a persona now").isFalse();

            JsonNode doc = search.persona("newcomer");
            assertThat(doc.path("interactionCount").asLong()).isZero();
            assertThat(search.nearestArticles(seed.getVector(), 3))
                    .allMatch(id -> id.startsWith("astrophysics-"));
            assertThat(PersonaTopics.committed(kafka.bootstrapServers(), "newcomer"))
                    .singleElement()
                    .extracting(Persona::getVersion)
                    .isEqualTo(AT.toEpochMilli());
        }
    }

    private static List<EnrichedArticle> articles() {
        try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
            return TopicArticles.enriched(embedder, AT);
        }
    }
}
