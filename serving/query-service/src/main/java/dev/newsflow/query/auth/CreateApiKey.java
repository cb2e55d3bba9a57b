package dev.newsflow.query.auth;

import java.nio.file.Path;

/**
 * Creates a user's API key, adds its hash to the keys file and prints the key, once: {@code java
 * -cp ... dev.newsflow.query.auth.CreateApiKey <keys-file> <userId> [USER|ANALYST]}.
 */
public final class CreateApiKey {

    private CreateApiKey() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: CreateApiKey <keys-file> <userId> [USER|ANALYST]");
            System.exit(2);
        }
        Role role = args.length == 3 ? Role.valueOf(args[2].toUpperCase()) : Role.USER;
        String key = create(Path.of(args[0]), args[1], role);
        System.out.println(key);
    }

    /** Stores a new key for {@code userId} in {@code file}; returns the key (not stored). */
    public static String create(Path file, String userId, Role role) throws java.io.IOException {
        ApiKeys.IssuedKey issued = ApiKeys.issue(userId, role);
        ApiKeyStore.append(file, issued.entry());
        return issued.key();
    }
}
