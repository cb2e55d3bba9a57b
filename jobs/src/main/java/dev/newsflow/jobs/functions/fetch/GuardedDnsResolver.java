package dev.newsflow.jobs.functions.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The HTTP client's only way from a host name to addresses: it resolves through a delegate and
 * keeps only the addresses that the {@link AddressGuard} allows, so the check applies to the
 * addresses actually connected to. A second lookup that returns a different (internal) address —
 * DNS rebinding — is filtered just like the first.
 */
public final class GuardedDnsResolver implements DnsResolver {

    private final DnsResolver delegate;
    private final AddressGuard guard;

    public GuardedDnsResolver(DnsResolver delegate, AddressGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    public GuardedDnsResolver(AddressGuard guard) {
        this(SystemDefaultDnsResolver.INSTANCE, guard);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = stripBrackets(host);
        InetAddress[] resolved = delegate.resolve(bare);
        List<InetAddress> allowed = new ArrayList<>(resolved.length);
        List<String> refused = new ArrayList<>();
        for (InetAddress address : resolved) {
            Optional<String> refusal = guard.refusal(address);
            if (refusal.isEmpty()) {
                allowed.add(address);
            } else {
                refused.add(address.getHostAddress() + " (" + refusal.get() + ")");
            }
        }
        if (allowed.isEmpty()) {
            throw new BlockedAddressException(bare, reason(bare, resolved, refused));
        }
        return allowed.toArray(InetAddress[]::new);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return delegate.resolveCanonicalHostname(host);
    }

    private String reason(String host, InetAddress[] resolved, List<String> refused) {
        if (resolved.length == 0) {
            return "no addresses";
        }
        if (resolved.length == 1 && isLiteral(host)) {
            return guard.refusal(resolved[0]).orElseThrow();
        }
        return "resolves only to refused addresses: " + String.join(", ", refused);
    }

    /**
     * True when the "host" was an IP literal, so naming the address twice would be noise. Names
     * never contain ':' and never consist of digits and dots only (Java reads "2130706433" and
     * "127.1" as IPv4 literals too).
     */
    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0
                || host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1)
                : host;
    }
}
