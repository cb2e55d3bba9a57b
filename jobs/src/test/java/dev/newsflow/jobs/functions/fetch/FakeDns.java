package dev.newsflow.jobs.functions.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.DnsResolver;

/**
 * DNS for tests: names answer with what the test put in; IP literals parse as the system resolver
 * would; anything else is unknown. Never touches the network.
 */
final class FakeDns implements DnsResolver {

    private final Map<String, InetAddress[]> names = new ConcurrentHashMap<>();

    FakeDns add(String name, String... addresses) throws UnknownHostException {
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]); // literals only: no lookup
        }
        names.put(name, resolved);
        return this;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] known = names.get(host);
        if (known != null) {
            return known.clone();
        }
        if (host.indexOf(':') >= 0
                || host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9')) {
            return InetAddress.getAllByName(host);
        }
        throw new UnknownHostException(host);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
