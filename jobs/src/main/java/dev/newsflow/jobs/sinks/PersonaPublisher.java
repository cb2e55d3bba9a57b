package dev.newsflow.jobs.sinks;

import dev.newsflow.schemas.Persona;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.schemas.search.SearchIndex;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes a seeded persona outside the persona job, where the job publishes its own: OpenSearch
 * {@code personas} and the compacted {@code user.personas}. Only for users without a persona: the
 * document is created with {@code _create}, and if one exists already nothing is published, so a
 * seed never replaces a learned profile.
 */
public final class PersonaPublisher implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI openSearch;
    private final HttpClient http = HttpClient.newHttpClient();
    private final KafkaProducer<String, Persona> producer;

    public PersonaPublisher(String kafkaBootstrapServers, URI openSearch) {
        this.openSearch = openSearch;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        this.producer =
                new KafkaProducer<>(
                        props,
                        Topics.PERSONAS.keySerde().serializer(),
                        Topics.PERSONAS.valueSerde().serializer());
    }

    /** Publishes {@code seed} unless the user has a persona; returns whether it was published. */
    public boolean publishIfNew(Persona seed) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(
                                        openSearch.resolve(
                                                "/"
                                                        + SearchIndex.PERSONAS.alias()
                                                        + "/_create/"
                                                        + seed.getUserId()))
                                .timeout(TIMEOUT)
                                .header("Content-Type", "application/json")
                                .PUT(
                                        HttpRequest.BodyPublishers.ofString(
                                                PersonaDocuments.json(seed)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 409) {
            return false;
        }
        if (response.statusCode() != 201) {
            throw new IOException(
                    "Seeding persona "
                            + seed.getUserId()
                            + " at "
                            + openSearch
                            + ": HTTP "
                            + response.statusCode()
                            + " "
                            + response.body());
        }
        try {
            producer.send(new ProducerRecord<>(Topics.PERSONAS.name(), seed.getUserId(), seed))
                    .get();
        } catch (ExecutionException e) {
            throw new IOException(
                    "Publishing seeded persona " + seed.getUserId() + " to user.personas", e);
        }
        return true;
    }

    @Override
    public void close() {
        producer.close(TIMEOUT);
    }
}
