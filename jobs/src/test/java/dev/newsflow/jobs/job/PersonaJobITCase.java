package dev.newsflow.jobs.job;

import static dev.newsflow.jobs.testing.PersonaInteractions.interaction;
import static dev.newsflow.jobs.testing.PersonaInteractions.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.jobs.config.PersonaConfig;
import dev.newsflow.jobs.functions.Vectors;
import dev.newsflow.jobs.functions.persona.ArticleInteraction;
import dev.newsflow.jobs.functions.persona.ArticleVector;
import dev.newsflow.jobs.functions.persona.PersonaRecords;
import dev.newsflow.jobs.functions.persona.PersonaState;
import dev.newsflow.jobs.functions.persona.PersonaUpdate;
import dev.newsflow.jobs.testing.PersonaInteractions;
import dev.newsflow.jobs.testing.PersonaSearch;
import dev.newsflow.jobs.testing.PersonaTopics;
import dev.newsflow.jobs.testing.RetainedCheckpoints;
import dev.newsflow.jobs.testing.TopicArticles;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Interaction;
import dev.newsflow.schemas.InteractionType;
import dev.newsflow.schemas.Persona;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.testkit.RealServices;
import dev.newsflow.testkit.flink.FlinkTestCluster;
import dev.newsflow.testkit.kafka.KafkaBroker;
import dev.newsflow.testkit.kafka.TopicReader;
import dev.newsflow.testkit.opensearch.OpenSearchNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persona job end to end on real services: Kafka {@code user.interactions} and {@code
 * news.enriched} (MiniLM embeddings of fictional football and astrophysics articles) → Flink
 * (parallelism 2, RocksDB, checkpoints) → OpenSearch {@code personas} and Kafka {@code
 * user.personas} (transactional) and {@code news.dlq}; then a restart from the retained checkpoint.
 */
@ExtendWith(RealServices.class)
class PersonaJobITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Duration MAX_WAIT = Duration.ofSeconds(15);
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");
    private static final String FAN = "fan";

    @Test
    void likesAndDislikesMakeAPersonaThatFindsTheLikedTopicAndARestartContinuesIt(
            KafkaBroker kafka, OpenSearchNode openSearch, @TempDir Path checkpoints)
            throws Exception {
        // Given: five football and five astrophysics articles, embedded by MiniLM, in OpenSearch
        List<EnrichedArticle> articles = articles();
        Map<String, EnrichedArticle> byId =
                articles.stream()
                        .collect(Collectors.toMap(EnrichedArticle::getId, Function.identity()));
        PersonaSearch search = new PersonaSearch(openSearch.httpUri());
        search.indexArticles(articles);
        // And: a fan who likes and clicks football and dislikes and hides astrophysics; one like
        // re-sent (same event id), one on an article that never arrives, one poison record
        List<Interaction> applied =
                List.of(
                        like("e1", "football-0", 1),
                        like("e2", "football-1", 2),
                        interaction("e3", FAN, "astrophysics-5", InteractionType.DISLIKE, at(3)),
                        like("e4", "football-2", 4),
                        interaction("e5", FAN, "astrophysics-6", InteractionType.DISLIKE, at(5)),
                        interaction("e6", FAN, "football-3", InteractionType.CLICK, at(6)),
                        interaction("e7", FAN, "astrophysics-7", InteractionType.HIDE, at(7)),
                        like("e8", "football-4", 8));
        List<ProducerRecord<byte[], byte[]>> interactions = new ArrayList<>();
        applied.forEach(i -> interactions.add(record(i)));
        interactions.add(record(applied.get(1)));
        interactions.add(record(like("e9", "ghost-article", 9)));
        interactions.add(PersonaInteractions.poison());

        PersonaConfig config = config(kafka, openSearch);
        String bootstrap = kafka.bootstrapServers();
        JobClient first = start(config, checkpoints, Optional.empty());
        Persona before;
        try {
            // When: most articles are published, then the interactions, then the last two
            // articles (football-3 and football-4), whose interactions wait for them
            PersonaInteractions.send(
                    bootstrap,
                    articles.stream()
                            .filter(a -> !List.of("football-3", "football-4").contains(a.getId()))
                            .map(PersonaInteractions::record)
                            .toList());
            PersonaInteractions.send(bootstrap, interactions);
            PersonaInteractions.send(
                    bootstrap,
                    List.of(record(byId.get("football-3")), record(byId.get("football-4"))));

            // Then: the persona of the eight distinct interactions is committed and indexed
            before = PersonaTopics.awaitCommitted(bootstrap, FAN, 8, WAIT);
            List<DeadLetter> deadLetters =
                    TopicReader.readCommitted(bootstrap, Topics.DLQ, 2, WAIT);
            JsonNode doc = search.awaitVersion(FAN, before.getVersion(), WAIT);
            assertThat(doc.path("version").asLong())
                    .as("indexed version")
                    .isEqualTo(before.getVersion());
            System.out.printf(
                    "PersonaJobITCase: %d interactions sent, persona version %d with %d"
                            + " interactions and %d interests; %d dead letters: %s%n",
                    interactions.size(),
                    before.getVersion(),
                    before.getInteractionCount(),
                    before.getInterests().size(),
                    deadLetters.size(),
                    deadLetters.stream().map(DeadLetter::getReason).toList());

            assertThat(before.getInteractionCount()).isEqualTo(8);
            assertThat(before.getVersion() - 7)
                    .as("the version starts at the first event's time")
                    .isIn(applied.stream().map(i -> i.getOccurredAt().toEpochMilli()).toList());
            // And: its vector is the update rule applied to the eight events, whatever their order
            PersonaState expected = expected(applied, byId, config);
            assertThat(Vectors.toArray(before.getVector()))
                    .containsExactly(vectorOf(expected, config), within(1e-4f));
            // And: the articles nearest to it are football, those nearest to its negative
            // profile astrophysics, and each interest is a football one
            assertThat(search.nearestArticles(before.getVector(), 3))
                    .allMatch(id -> id.startsWith("football-"));
            assertThat(search.nearestArticles(before.getNegativeVector(), 3))
                    .allMatch(id -> id.startsWith("astrophysics-"));
            assertThat(before.getInterests())
                    .isNotEmpty()
                    .allSatisfy(i -> assertThat(i.getArticleId()).startsWith("football-"));
            assertThat(before.getLikedArticleIds())
                    .containsExactlyInAnyOrder(
                            "football-0", "football-1", "football-2", "football-4");
            assertThat(before.getRejectedArticleIds())
                    .containsExactlyInAnyOrder(
                            "astrophysics-5", "astrophysics-6", "astrophysics-7");
            assertThat(before.getSeenArticleIds()).hasSize(8);
            // And: OpenSearch holds the same version, and its nested interest centroids find the
            // fan for a football article
            assertThat(doc.path("interactionCount").asLong()).isEqualTo(8);
            assertThat(search.usersInterestedIn(byId.get("football-1").getEmbedding(), 1))
                    .containsExactly(FAN);
            // And: the interaction whose article never came, and the poison record, are dead
            // letters with their reasons
            assertThat(deadLetters)
                    .hasSize(2)
                    .anySatisfy(
                            d -> {
                                assertThat(d.getStage()).isEqualTo("persona-join");
                                assertThat(d.getReason())
                                        .isEqualTo(
                                                "article ghost-article not enriched within 15 s");
                            })
                    .anySatisfy(d -> assertThat(d.getStage()).isEqualTo("decode-interaction"));
        } finally {
            first.cancel().get();
        }

        // When: the job restarts from its last retained checkpoint, every interaction is
        // delivered again (a producer retrying), and the fan likes one more article
        Path checkpoint =
                RetainedCheckpoints.latest(checkpoints.resolve(first.getJobID().toString()))
                        .orElseThrow(() -> new AssertionError("no retained checkpoint"));
        JobClient second = start(config, checkpoints, Optional.of(checkpoint));
        Interaction more = interaction("e10", FAN, "football-3", InteractionType.LIKE, at(10));
        List<Persona> all;
        Persona after;
        try {
            List<ProducerRecord<byte[], byte[]>> again = new ArrayList<>();
            applied.forEach(i -> again.add(record(i)));
            again.add(record(more));
            PersonaInteractions.send(bootstrap, again);
            after = PersonaTopics.awaitCommitted(bootstrap, FAN, 9, WAIT);
            Path secondRun = checkpoints.resolve(second.getJobID().toString());
            RetainedCheckpoints.await(
                    secondRun, RetainedCheckpoints.latestNumber(secondRun) + 2, WAIT);
            all = PersonaTopics.committed(bootstrap, FAN);
            assertThat(search.awaitVersion(FAN, after.getVersion(), WAIT).path("version").asLong())
                    .isEqualTo(after.getVersion());
        } finally {
            second.cancel().get();
        }

        // Then: the restored persona went on from where it was: one new version, the rule
        // applied to all nine events, and no duplicate applied or emitted
        System.out.printf(
                "PersonaJobITCase: restarted from %s; versions committed %s%n",
                checkpoint, all.stream().map(Persona::getVersion).toList());
        assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(after.getInteractionCount()).isEqualTo(9);
        List<Interaction> nine = new ArrayList<>(applied);
        nine.add(more);
        assertThat(Vectors.toArray(after.getVector()))
                .containsExactly(vectorOf(expected(nine, byId, config), config), within(1e-4f));
        assertThat(all).as("one persona per applied interaction").hasSize(9);
        assertThat(search.nearestArticles(after.getVector(), 3))
                .allMatch(id -> id.startsWith("football-"));
    }

    private static List<EnrichedArticle> articles() {
        try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
            return TopicArticles.enriched(embedder, AT);
        }
    }

    private static Instant at(int minutes) {
        return AT.plus(Duration.ofMinutes(minutes));
    }

    private static Interaction like(String eventId, String articleId, int minutes) {
        return interaction(eventId, FAN, articleId, InteractionType.LIKE, at(minutes));
    }

    /** The update rule applied to {@code events} in event-time order. */
    private static PersonaState expected(
            List<Interaction> events, Map<String, EnrichedArticle> articles, PersonaConfig config) {
        PersonaState state = PersonaState.empty();
        for (Interaction i :
                events.stream().sorted(Comparator.comparing(Interaction::getOccurredAt)).toList()) {
            ArticleVector article = ArticleVector.of(articles.get(i.getArticleId()));
            state = PersonaUpdate.apply(state, ArticleInteraction.of(i, article), config.rules());
        }
        return state;
    }

    private static float[] vectorOf(PersonaState state, PersonaConfig config) {
        return PersonaRecords.profileVector(state, config.rules());
    }

    private static PersonaConfig config(KafkaBroker kafka, OpenSearchNode openSearch) {
        return PersonaConfig.fromEnv(
                Map.of(
                        PersonaConfig.KAFKA_BOOTSTRAP, kafka.bootstrapServers(),
                        PersonaConfig.OPENSEARCH_URL, openSearch.httpUri().toString(),
                        PersonaConfig.MAX_WAIT_MS, String.valueOf(MAX_WAIT.toMillis()),
                        // None of the other jobs' transactions.
                        PersonaConfig.TRANSACTIONAL_ID_PREFIX, "newsflow-persona-it"));
    }

    /** Runs the job, from {@code restoreFrom} if given; both runs have the same graph and uids. */
    private static JobClient start(
            PersonaConfig config, Path checkpoints, Optional<Path> restoreFrom) throws Exception {
        Configuration flink = FlinkTestCluster.configuration(checkpoints);
        restoreFrom.ifPresent(
                p -> flink.set(StateRecoveryOptions.SAVEPOINT_PATH, p.toUri().toString()));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setParallelism(FlinkTestCluster.PARALLELISM);
        PersonaJob.defineWorkflow(
                env,
                PersonaJob.kafkaSource(config, Topics.INTERACTIONS.name()),
                PersonaJob.kafkaSource(config, Topics.ENRICHED.name()),
                PersonaSinks.production(config),
                config);
        return env.executeAsync(PersonaJob.NAME);
    }
}
