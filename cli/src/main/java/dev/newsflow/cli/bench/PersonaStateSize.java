package dev.newsflow.cli.bench;

import dev.newsflow.inference.embedding.MiniLmEmbedder;
import dev.newsflow.jobs.functions.Vectors;
import dev.newsflow.jobs.functions.persona.ArticleInteraction;
import dev.newsflow.jobs.functions.persona.PersonaRules;
import dev.newsflow.jobs.functions.persona.PersonaState;
import dev.newsflow.jobs.functions.persona.PersonaUpdate;
import dev.newsflow.schemas.InteractionType;
import java.io.IOException;
import java.util.Random;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** The bytes Flink's serializer writes for one user's {@link PersonaState}. */
final class PersonaStateSize {

    private PersonaStateSize() {}

    /** A user's state after {@code interactions} random interactions on unrelated articles. */
    static int afterInteractions(int interactions, PersonaRules rules) throws IOException {
        Random random = new Random(interactions);
        InteractionType[] types = InteractionType.values();
        PersonaState state = PersonaState.empty();
        for (int i = 0; i < interactions; i++) {
            float[] v = new float[MiniLmEmbedder.DIMENSION];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
            }
            state =
                    PersonaUpdate.apply(
                            state,
                            new ArticleInteraction(
                                    "event-" + i,
                                    "user",
                                    // 32 hex characters, like real article ids
                                    String.format("%032x", random.nextLong() & Long.MAX_VALUE),
                                    types[i % types.length],
                                    1_700_000_000_000L + 60_000L * i,
                                    Vectors.normalized(v),
                                    "Title"),
                            rules);
        }
        return serializedSize(state);
    }

    static int serializedSize(PersonaState state) throws IOException {
        TypeSerializer<PersonaState> serializer =
                TypeInformation.of(PersonaState.class).createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(64 * 1024);
        serializer.serialize(state, out);
        return out.length();
    }
}
