package dev.newsflow.jobs.functions.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The resolver hands the HTTP client only addresses the guard allows. */
class GuardedDnsResolverTest {

    private final FakeDns dns = new FakeDns();
    private final GuardedDnsResolver resolver =
            new GuardedDnsResolver(dns, new AddressGuard(false, false));

    @Test
    void refusedAddressesAreFilteredOut() throws Exception {
        // Given a name answering with a public and an internal address
        dns.add("mixed.example", "10.0.0.7", "93.184.215.14");

        // When it is resolved, with and without a port
        InetAddress[] addresses = resolver.resolve("mixed.example");

        // Then only the public address is left to connect to
        assertThat(addresses).containsExactly(InetAddress.getByName("93.184.215.14"));
        assertThat(resolver.resolve("mixed.example", 8080))
                .containsExactly(new InetSocketAddress("93.184.215.14", 8080));
    }

    @Test
    void nameWithOnlyRefusedAddressesFailsNamingEach() throws Exception {
        // Given a name answering with loopback and the metadata address only
        dns.add("rebind.example", "127.0.0.1", "169.254.169.254");

        // When it is resolved
        // Then resolution fails and says which addresses were refused and why
        assertThatThrownBy(() -> resolver.resolve("rebind.example"))
                .isInstanceOfSatisfying(
                        BlockedAddressException.class,
                        e -> {
                            assertThat(e.host()).isEqualTo("rebind.example");
                            assertThat(e.reason())
                                    .isEqualTo(
                                            "resolves only to refused addresses: 127.0.0.1"
                                                    + " (loopback address), 169.254.169.254"
                                                    + " (cloud metadata address)");
                        });
    }

    @Test
    void refusedLiteralIsNamedOnce() {
        // Given a bracketed IPv6 literal as it appears in a URL
        // When it is resolved
        // Then the reason is just the class of the address
        assertThatThrownBy(() -> resolver.resolve("[::1]"))
                .isInstanceOfSatisfying(
                        BlockedAddressException.class,
                        e -> {
                            assertThat(e.host()).isEqualTo("::1");
                            assertThat(e.reason()).isEqualTo("loopback address");
                        });
    }
}
