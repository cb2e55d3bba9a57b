package dev.newsflow.inference.client;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A summary and, where the model gave one, its importance rating of the article in {@code [0, 1]}
 * (0 routine, 1 historic). The local extractive summarizer never rates; the LLM does, through
 * Triton's {@code summarizer} wrapper ({@code IMPORTANCE}) or the client's vLLM path.
 */
public record Summary(String text, OptionalDouble rating) {

    public Summary {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(rating, "rating");
        if (rating.isPresent() && !(rating.getAsDouble() >= 0 && rating.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("rating must be in [0, 1], was " + rating);
        }
    }

    public static Summary unrated(String text) {
        return new Summary(text, OptionalDouble.empty());
    }

    /** A rating of NaN (Triton's "no rating") means unrated. */
    public static Summary of(String text, double ratingOrNaN) {
        return Double.isNaN(ratingOrNaN)
                ? unrated(text)
                : new Summary(text, OptionalDouble.of(ratingOrNaN));
    }
}
