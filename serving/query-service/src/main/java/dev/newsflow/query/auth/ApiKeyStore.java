package dev.newsflow.query.auth;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users and their hashed API keys, read once from a JSON file {@code {"keys": [entry, ...]}}
 * (see {@link ApiKeyEntry}). Immutable; a changed file takes effect on restart.
 */
public final class ApiKeyStore {

    private final Map<String, ApiKeyEntry> byKeyId;

    public ApiKeyStore(Collection<ApiKeyEntry> entries) {
        Map<String, ApiKeyEntry> map = new LinkedHashMap<>();
        for (ApiKeyEntry entry : entries) {
            if (map.put(entry.keyId(), entry) != null) {
                throw new IllegalArgumentException("duplicate API key id " + entry.keyId());
            }
        }
        this.byKeyId = Map.copyOf(map);
    }

    public static ApiKeyStore empty() {
        return new ApiKeyStore(List.of());
    }

    /** The store in {@code file}; an empty store when {@code file} is {@code null} or absent. */
    public static ApiKeyStore load(Path file) {
        if (file == null || !Files.exists(file)) {
            return empty();
        }
        try {
            return new ApiKeyStore(entries(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read API keys file " + file, e);
        } catch (DecodeException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("Malformed API keys file " + file + ": " + e, e);
        }
    }

    /** Adds {@code entry} to the JSON file (created if absent), replacing it atomically. */
    public static void append(Path file, ApiKeyEntry entry) throws IOException {
        List<ApiKeyEntry> entries =
                Files.exists(file) ? entries(Files.readString(file)) : new java.util.ArrayList<>();
        entries.add(entry);
        JsonArray array = new JsonArray();
        new ApiKeyStore(entries).byKeyId.values().forEach(e -> array.add(e.toJson()));
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, new JsonObject().put("keys", array).encodePrettily());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The user of {@code presentedKey}, or empty when it is malformed, unknown or wrong. */
    public Optional<ApiUser> authenticate(String presentedKey) {
        return ApiKeys.parse(presentedKey)
                .flatMap(
                        parsed ->
                                Optional.ofNullable(byKeyId.get(parsed.keyId()))
                                        .filter(entry -> ApiKeys.matches(entry, parsed.secret())))
                .map(entry -> new ApiUser(entry.userId(), entry.role()));
    }

    public int size() {
        return byKeyId.size();
    }

    private static List<ApiKeyEntry> entries(String json) {
        JsonArray keys = new JsonObject(json).getJsonArray("keys", new JsonArray());
        List<ApiKeyEntry> entries = new java.util.ArrayList<>();
        for (Object key : keys) {
            entries.add(ApiKeyEntry.fromJson((JsonObject) key));
        }
        return entries;
    }
}
