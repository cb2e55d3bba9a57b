package dev.newsflow.query.interactions;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids of interactions. A client's {@code Idempotency-Key} maps to one event id per user, so a
 * retried request publishes the same event id again and the persona job applies it once; without a
 * key every request is a new event.
 */
public final class EventIds {

    /** Longest accepted idempotency key. */
    public static final int MAX_KEY_LENGTH = 200;

    private EventIds() {}

    /** A name-based UUID of user and key: stable across restarts and replicas of the service. */
    public static String forKey(String userId, String idempotencyKey) {
        byte[] name = (userId + '\n' + idempotencyKey).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(name).toString();
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }

    /** Whether {@code key} is acceptable: 1 to 200 printable ASCII characters. */
    public static boolean isValidKey(String key) {
        return key != null
                && !key.isEmpty()
                && key.length() <= MAX_KEY_LENGTH
                && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
