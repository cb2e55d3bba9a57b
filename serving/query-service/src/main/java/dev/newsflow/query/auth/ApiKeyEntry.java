package dev.newsflow.query.auth;

import io.vertx.core.json.JsonObject;

/**
 * One stored API key: never the key itself, only its public id, a random salt and the SHA-256 of
 * salt and secret (hex).
 */
public record ApiKeyEntry(String keyId, String userId, Role role, String salt, String hash) {

    public JsonObject toJson() {
        return new JsonObject()
                .put("keyId", keyId)
                .put("userId", userId)
                .put("role", role.name())
                .put("salt", salt)
                .put("sha256", hash);
    }

    /**
     * @throws IllegalArgumentException naming the missing or malformed field
     */
    public static ApiKeyEntry fromJson(JsonObject json) {
        String role = field(json, "role");
        try {
            return new ApiKeyEntry(
                    field(json, "keyId"),
                    field(json, "userId"),
                    Role.valueOf(role),
                    field(json, "salt"),
                    field(json, "sha256"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role must be USER or ANALYST, was '" + role + "'");
        }
    }

    private static String field(JsonObject json, String name) {
        Object value = json.getValue(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("API key entry lacks '" + name + "'");
        }
        return text;
    }
}
