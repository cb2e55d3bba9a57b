package dev.newsflow.jobs.testing;

import dev.newsflow.schemas.Persona;
import dev.newsflow.schemas.kafka.Topics;
import dev.newsflow.testkit.kafka.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A user's personas as downstream consumers see them: committed records of user.personas. */
public final class PersonaTopics {

    private PersonaTopics() {}

    /** The user's committed personas in {@code user.personas}, in order. */
    public static List<Persona> committed(String bootstrap, String userId) {
        return TopicReader.readCommitted(
                        bootstrap, Topics.PERSONAS, Integer.MAX_VALUE, Duration.ofSeconds(2))
                .stream()
                .filter(p -> p.getUserId().equals(userId))
                .toList();
    }

    /** Waits for the user's committed persona with {@code count} interactions. */
    public static Persona awaitCommitted(
            String bootstrap, String userId, long count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Persona> personas = List.of();
        while (System.nanoTime() < deadline) {
            personas = committed(bootstrap, userId);
            Optional<Persona> found =
                    personas.stream().filter(p -> p.getInteractionCount() == count).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                "no committed persona of "
                        + userId
                        + " with "
                        + count
                        + " interactions; committed: "
                        + personas.stream().map(Persona::getInteractionCount).toList());
    }
}
