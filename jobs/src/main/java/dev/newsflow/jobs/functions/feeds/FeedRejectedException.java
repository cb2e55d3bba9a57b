package dev.newsflow.jobs.functions.feeds;

/**
 * A feed document that can never be read, whatever the retries. The message is the full reason (for
 * logs and dead letters); {@link #kind()} groups reasons for counting.
 */
public final class FeedRejectedException extends Exception {

    /** Why a document was rejected, coarse enough to count. */
    public enum Kind {
        EMPTY("empty document"),
        TOO_LARGE("too large"),
        HTML_PAGE("not a feed: HTML page"),
        NOT_A_FEED("not a feed"),
        MALFORMED_XML("malformed XML"),
        UNSAFE_DTD("unsafe DTD");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Kind kind;

    public FeedRejectedException(Kind kind, String detail) {
        super(kind.label + ": " + detail);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
