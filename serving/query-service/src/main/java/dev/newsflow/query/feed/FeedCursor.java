package dev.newsflow.query.feed;

import dev.newsflow.query.http.ApiException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Where page N+1 of a feed continues: the ranking time of page 1 (recency window and decay stay the
 * same on every page) and 32-bit fingerprints of every article shown so far. The next page excludes
 * them and seeds MMR and the one-per-story rule with them, so it continues page N without repeats
 * even when the persona changed in between (a like on page 1 is the usual case). Opaque to clients:
 * base64url of {@code {"v": personaVersion, "t": epochMillis, "s": base64url(ints)}}.
 *
 * @param personaVersion the persona version page 1 was ranked with ({@code -1}: cold start)
 * @param asOf the ranking time of page 1
 * @param shown fingerprints of the articles shown so far, in order
 */
public record FeedCursor(long personaVersion, Instant asOf, List<Integer> shown) {

    /** A feed ends after this many articles; it also bounds the cursor to about 1.5 KB. */
    public static final int MAX_SHOWN = 200;

    static final int MAX_ENCODED_LENGTH = 4_096;

    public FeedCursor {
        shown = List.copyOf(shown);
        if (shown.size() > MAX_SHOWN) {
            throw new IllegalArgumentException("at most " + MAX_SHOWN + " shown articles");
        }
    }

    /** The first page's cursor: nothing shown yet. */
    public static FeedCursor first(long personaVersion, Instant asOf) {
        return new FeedCursor(personaVersion, asOf, List.of());
    }

    /** The cursor after {@code ids} were shown too. */
    public FeedCursor after(List<String> ids) {
        List<Integer> all = new ArrayList<>(shown);
        ids.forEach(id -> all.add(fingerprint(id)));
        return new FeedCursor(personaVersion, asOf, all);
    }

    public Set<Integer> shownSet() {
        return Set.copyOf(shown);
    }

    public String encode() {
        ByteBuffer ints = ByteBuffer.allocate(shown.size() * Integer.BYTES);
        shown.forEach(ints::putInt);
        JsonObject json =
                new JsonObject()
                        .put("v", personaVersion)
                        .put("t", asOf.toEpochMilli())
                        .put("s", base64().encodeToString(ints.array()));
        return base64().encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses a cursor a client sent back.
     *
     * @throws ApiException 400 when it is not one this service wrote
     */
    public static FeedCursor decode(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_ENCODED_LENGTH) {
            throw malformed();
        }
        try {
            JsonObject json =
                    new JsonObject(
                            new String(
                                    Base64.getUrlDecoder().decode(text.strip()),
                                    StandardCharsets.UTF_8));
            if (!json.fieldNames().equals(Set.of("v", "t", "s"))) {
                throw malformed();
            }
            long version = ((Number) json.getValue("v")).longValue();
            long millis = ((Number) json.getValue("t")).longValue();
            byte[] bytes = Base64.getUrlDecoder().decode(json.getString("s"));
            if (version < -1 || millis < 0 || bytes.length % Integer.BYTES != 0) {
                throw malformed();
            }
            ByteBuffer ints = ByteBuffer.wrap(bytes);
            List<Integer> shown = new ArrayList<>();
            while (ints.hasRemaining()) {
                shown.add(ints.getInt());
            }
            return new FeedCursor(version, Instant.ofEpochMilli(millis), shown);
        } catch (IllegalArgumentException
                | DecodeException
                | ClassCastException
                | NullPointerException e) {
            // Bad base64, bad JSON, missing or mistyped fields, too many ids: all the same to the
            // client.
            throw malformed();
        }
    }

    /** First four bytes of the id's SHA-256: collisions among a few hundred ids are negligible. */
    static int fingerprint(String articleId) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(articleId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Base64.Encoder base64() {
        return Base64.getUrlEncoder().withoutPadding();
    }

    private static ApiException malformed() {
        return ApiException.badRequest(
                "query parameter 'cursor' is malformed; pass the nextCursor of the previous page");
    }
}
