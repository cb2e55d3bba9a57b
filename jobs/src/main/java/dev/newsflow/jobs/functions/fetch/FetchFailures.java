package dev.newsflow.jobs.functions.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;

/** Maps the I/O exceptions of one hop to a human-readable {@link FetchResult.Failed}. */
final class FetchFailures {

    private FetchFailures() {}

    /**
     * @param hop {@code "fetch of"} for the first URL, {@code "redirect to"} after a redirect
     */
    static FetchResult.Failed of(IOException e, String hop, URI uri, FetchPolicy policy) {
        String host = uri.getHost();
        if (e instanceof BlockedAddressException blocked) {
            return FetchResult.Failed.permanent(
                    hop + " " + blocked.host() + " refused: " + blocked.reason());
        }
        if (e instanceof ConnectTimeoutException) {
            return FetchResult.Failed.transientFailure(
                    "connect to "
                            + host
                            + " timed out after "
                            + Human.duration(policy.connectTimeout()));
        }
        if (e instanceof SocketTimeoutException) {
            return FetchResult.Failed.transientFailure(
                    "read from "
                            + host
                            + " timed out after "
                            + Human.duration(policy.readTimeout()));
        }
        if (e instanceof UnknownHostException) {
            return FetchResult.Failed.transientFailure("unknown host " + host);
        }
        if (e instanceof HttpHostConnectException) {
            return FetchResult.Failed.transientFailure(
                    "cannot connect to " + host + ": " + e.getMessage());
        }
        if (e instanceof SSLException) {
            return FetchResult.Failed.transientFailure(
                    "TLS failure with " + host + ": " + e.getMessage());
        }
        if (e instanceof InterruptedIOException) {
            Thread.currentThread().interrupt(); // the caller is being cancelled; keep the flag
            return FetchResult.Failed.transientFailure("fetch of " + host + " interrupted");
        }
        return FetchResult.Failed.transientFailure(
                "I/O error with "
                        + host
                        + ": "
                        + e.getClass().getSimpleName()
                        + ": "
                        + e.getMessage());
    }
}
