package dev.newsflow.query.auth;

/** What an API key may do. An analyst may do everything a reader may, and read the statistics. */
public enum Role {
    USER,
    ANALYST;

    /** Whether a key with this role may use a route that requires {@code required}. */
    public boolean allows(Role required) {
        return this == ANALYST || required == USER;
    }
}
