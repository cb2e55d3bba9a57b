package dev.newsflow.jobs.functions.persona;

/**
 * What the persona job keeps per user in keyed state (RocksDB). Every sum is time-decayed to the
 * reference time {@code asOf}, the latest event time applied, so that applying an older event and a
 * newer one commute (see {@link PersonaUpdate}). A Java record of arrays and primitives: Flink
 * serializes it as a POJO, without Kryo, and can evolve it by adding fields.
 *
 * @param asOf the reference time of every sum: the latest {@code occurredAt} applied (epoch ms)
 * @param version increases by one per applied interaction; starts at the first event's time
 * @param positive decayed, weighted sum of liked and clicked articles' embeddings (empty: none)
 * @param negative decayed, weighted sum of disliked and hidden articles' embeddings (empty: none)
 * @param interests at most k clusters of the liked and clicked articles
 * @param recentEvents fingerprints of the latest event ids applied, oldest first (dedup window)
 * @param liked recently liked article ids, newest first
 * @param rejected recently disliked or hidden article ids, newest first
 * @param seen recent article ids of any interaction, newest first
 */
public record PersonaState(
        long asOf,
        long version,
        long interactionCount,
        float[] positive,
        float[] negative,
        InterestState[] interests,
        long[] recentEvents,
        String[] liked,
        String[] rejected,
        String[] seen) {

    /** The state before a user's first interaction. */
    public static PersonaState empty() {
        return new PersonaState(
                Long.MIN_VALUE,
                0,
                0,
                new float[0],
                new float[0],
                new InterestState[0],
                new long[0],
                new String[0],
                new String[0],
                new String[0]);
    }

    /** Whether nothing has been applied yet. */
    public boolean isEmpty() {
        return interactionCount == 0;
    }
}
