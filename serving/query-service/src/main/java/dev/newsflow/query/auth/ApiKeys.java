package dev.newsflow.query.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Creates, parses and verifies API keys of the form {@code nf_<keyId>_<secret>}: the key id says
 * which stored entry to check, the secret is 256 random bits.
 *
 * <p>Why salted SHA-256 and not PBKDF2/bcrypt: slow hashes protect low-entropy passwords against
 * guessing. A 256-bit random secret cannot be guessed, so a slow hash would add only CPU time to
 * every request (on the event loop); the salt still makes equal secrets hash differently. GitHub
 * and Stripe store their tokens the same way.
 */
public final class ApiKeys {

    static final String PREFIX = "nf_";
    private static final int KEY_ID_BYTES = 6;
    private static final int SECRET_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** A freshly created key: the key to hand out once, and the entry to store. */
    public record IssuedKey(String key, ApiKeyEntry entry) {}

    /** A presented key split into its parts. */
    record ParsedKey(String keyId, String secret) {}

    private ApiKeys() {}

    public static IssuedKey issue(String userId, Role role) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        // Base64url without '_' in the id keeps the separator unambiguous: replace it.
        String keyId = B64.encodeToString(random(KEY_ID_BYTES)).replace('_', 'x');
        String secret = B64.encodeToString(random(SECRET_BYTES));
        String salt = HexFormat.of().formatHex(random(SALT_BYTES));
        ApiKeyEntry entry = new ApiKeyEntry(keyId, userId, role, salt, hash(salt, secret));
        return new IssuedKey(PREFIX + keyId + "_" + secret, entry);
    }

    /** Empty for anything that is not shaped like a key of this service. */
    static Optional<ParsedKey> parse(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int separator = key.indexOf('_', PREFIX.length());
        if (separator <= PREFIX.length() || separator == key.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(
                new ParsedKey(
                        key.substring(PREFIX.length(), separator), key.substring(separator + 1)));
    }

    /** Whether {@code secret} is the one {@code entry} was issued for; constant time. */
    static boolean matches(ApiKeyEntry entry, String secret) {
        byte[] expected = HexFormat.of().parseHex(entry.hash());
        byte[] actual = HexFormat.of().parseHex(hash(entry.salt(), secret));
        return MessageDigest.isEqual(expected, actual);
    }

    static String hash(String salt, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.UTF_8));
            sha.update(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
