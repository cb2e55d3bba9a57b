package dev.newsflow.query.auth;

import java.util.Objects;

/** The user an API key belongs to: requests act as this user, never as one named in a body. */
public record ApiUser(String userId, Role role) {
    public ApiUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }
}
