package dev.newsflow.jobs.functions.fetch;

import java.io.Serializable;

/**
 * The cache validators of a previous successful fetch, sent back as {@code If-None-Match} and
 * {@code If-Modified-Since} so that an unchanged resource costs a 304 instead of a body.
 *
 * @param etag the {@code ETag} header exactly as the server sent it (quotes and {@code W/}
 *     included), or null
 * @param lastModified the {@code Last-Modified} header exactly as the server sent it, or null
 */
public record Validators(String etag, String lastModified) implements Serializable {

    private static final Validators NONE = new Validators(null, null);

    /** No validators: an unconditional GET. */
    public static Validators none() {
        return NONE;
    }

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
