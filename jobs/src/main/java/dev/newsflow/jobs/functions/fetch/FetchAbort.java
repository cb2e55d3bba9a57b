package dev.newsflow.jobs.functions.fetch;

/**
 * Ends a fetch early with a known {@link FetchResult.Failed} (a limit hit, a bad response). Never
 * leaves {@link HttpFetcher}.
 */
final class FetchAbort extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient FetchResult.Failed failure;

    FetchAbort(FetchResult.Failed failure) {
        super(failure.reason(), null, false, false);
        this.failure = failure;
    }

    FetchResult.Failed failure() {
        return failure;
    }
}
