package dev.newsflow.query.http;

import dev.newsflow.query.auth.ApiKeyStore;
import dev.newsflow.query.auth.ApiUser;
import dev.newsflow.query.auth.Role;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * API key authentication: {@link #identify()} resolves the key of a request ({@code Authorization:
 * Bearer <key>} or {@code X-API-Key: <key>}) to its user, {@link #require(Role)} refuses requests
 * without a user (401) or with a user whose role does not allow the route (403).
 */
public final class AuthHandlers {

    static final String USER = "newsflow.user";

    private final ApiKeyStore keys;

    public AuthHandlers(ApiKeyStore keys) {
        this.keys = keys;
    }

    /** The authenticated user of a request, or {@code null}. */
    public static ApiUser user(RoutingContext ctx) {
        return ctx.get(USER);
    }

    /** A presented key that is wrong is refused (401) even where no key is needed. */
    public Handler<RoutingContext> identify() {
        return ctx -> {
            String key = presentedKey(ctx.request());
            if (key == null) {
                ctx.next();
                return;
            }
            keys.authenticate(key)
                    .ifPresentOrElse(
                            user -> {
                                ctx.put(USER, user);
                                ctx.next();
                            },
                            () -> ctx.fail(new ApiException(401, "invalid API key")));
        };
    }

    public Handler<RoutingContext> require(Role role) {
        return ctx -> {
            ApiUser user = user(ctx);
            if (user == null) {
                ctx.fail(
                        new ApiException(
                                401,
                                "an API key is required: 'Authorization: Bearer <key>' or"
                                        + " 'X-API-Key: <key>'"));
            } else if (!user.role().allows(role)) {
                ctx.fail(new ApiException(403, "this route requires the " + role + " role"));
            } else {
                ctx.next();
            }
        };
    }

    /** The key of a request, or {@code null} when it presents none. */
    static String presentedKey(HttpServerRequest request) {
        String header = request.getHeader("X-API-Key");
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        String value = authorization.strip();
        // Any other scheme is a key this service cannot check: treat it as a wrong key.
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : value;
    }
}
