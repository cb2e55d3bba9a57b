package dev.newsflow.cli.stack;

import dev.newsflow.query.auth.CreateApiKey;
import dev.newsflow.query.auth.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local stack's users: a reader ({@code USER}) and an analyst ({@code ANALYST}). Their keys are
 * created on every start into a fresh keys file (only hashes are stored) and printed once by {@code
 * ./newsflow up}.
 */
public record LocalApiKeys(Path file, String readerKey, String analystKey) {

    public static final String READER = "reader";
    public static final String ANALYST = "analyst";

    static LocalApiKeys create(Path file) throws IOException {
        Files.deleteIfExists(file);
        String reader = CreateApiKey.create(file, READER, Role.USER);
        String analyst = CreateApiKey.create(file, ANALYST, Role.ANALYST);
        return new LocalApiKeys(file, reader, analyst);
    }
}
