package dev.newsflow.jobs.functions.fetch;

import java.net.UnknownHostException;

/**
 * Thrown by {@link GuardedDnsResolver} when every address of a host is refused by the {@link
 * AddressGuard}. It is an {@link UnknownHostException} so that the HTTP client treats it like a
 * failed lookup and never opens a socket; {@link HttpFetcher} turns it into a non-retryable {@link
 * FetchResult.Failed}.
 */
public final class BlockedAddressException extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    private final String host;
    private final String reason;

    public BlockedAddressException(String host, String reason) {
        super(host + " refused: " + reason);
        this.host = host;
        this.reason = reason;
    }

    /** The host name or literal as it appeared in the URL. */
    public String host() {
        return host;
    }

    /**
     * Why, e.g. {@code "loopback address"} for a literal, or {@code "resolves only to refused
     * addresses: 127.0.0.1 (loopback address)"} for a name.
     */
    public String reason() {
        return reason;
    }
}
