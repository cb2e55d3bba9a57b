package dev.newsflow.query.http;

import dev.newsflow.schemas.InteractionType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated {@code POST /interactions} body: {@code {"articleId": "...", "type": "LIKE"}}. The
 * user is never part of it: it comes from the API key.
 */
public record InteractionRequest(String articleId, InteractionType type) {

    static final Set<String> FIELDS = Set.of("articleId", "type");

    /**
     * @throws ApiException with status 400 and a message saying what is wrong
     */
    public static InteractionRequest parse(Buffer body) {
        if (body == null || body.length() == 0) {
            throw ApiException.badRequest("a JSON body {\"articleId\", \"type\"} is required");
        }
        JsonObject json;
        try {
            json = body.toJsonObject();
        } catch (DecodeException | ClassCastException e) {
            throw ApiException.badRequest("the body is not a JSON object");
        }
        Set<String> unknown = new TreeSet<>(json.fieldNames());
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest(
                    "unknown field(s) " + unknown + " (the user comes from the API key)");
        }
        Object articleId = json.getValue("articleId");
        if (!(articleId instanceof String id)
                || id.isBlank()
                || id.length() > ArticleHandler.MAX_ID_LENGTH) {
            throw ApiException.badRequest(
                    "'articleId' is required: a string of 1 to "
                            + ArticleHandler.MAX_ID_LENGTH
                            + " characters");
        }
        Object type = json.getValue("type");
        return new InteractionRequest(id, type(type));
    }

    private static InteractionType type(Object type) {
        String allowed = Arrays.toString(InteractionType.values());
        if (!(type instanceof String name)) {
            throw ApiException.badRequest("'type' is required, one of " + allowed);
        }
        try {
            return InteractionType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "'type' must be one of " + allowed + ", was '" + abbreviate(name) + "'");
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "…";
    }
}
