package dev.newsflow.jobs.functions.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Classification of literal addresses, and what each switch of the policy lets through. */
class AddressGuardTest {

    private static final AddressGuard STRICT = new AddressGuard(false, false);
    private static final AddressGuard LOOPBACK_ALLOWED = new AddressGuard(true, false);
    private static final AddressGuard PRIVATE_ALLOWED = new AddressGuard(false, true);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "127.0.0.1, LOOPBACK",
        "127.255.0.9, LOOPBACK",
        "::1, LOOPBACK",
        "10.0.0.1, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "192.168.1.1, PRIVATE",
        "fc00::1, PRIVATE",
        "fd12:3456::1, PRIVATE",
        "fec0::1, PRIVATE",
        "100.64.0.1, CARRIER_GRADE_NAT",
        "100.127.255.254, CARRIER_GRADE_NAT",
        "169.254.0.1, LINK_LOCAL",
        "fe80::1, LINK_LOCAL",
        "febf::1, LINK_LOCAL",
        "169.254.169.254, CLOUD_METADATA",
        "fd00:ec2::254, CLOUD_METADATA",
        "100.100.100.200, CLOUD_METADATA",
        "168.63.129.16, CLOUD_METADATA",
        "0.0.0.0, UNSPECIFIED",
        "::, UNSPECIFIED",
        "224.0.0.1, MULTICAST",
        "239.255.255.250, MULTICAST",
        "ff02::1, MULTICAST",
        "0.1.2.3, RESERVED",
        "240.0.0.1, RESERVED",
        "255.255.255.255, RESERVED",
        "192.0.0.8, RESERVED",
        "198.18.0.1, RESERVED",
        "::ffff:127.0.0.1, LOOPBACK",
        "::ffff:10.0.0.1, PRIVATE",
        "::ffff:169.254.169.254, CLOUD_METADATA",
        "::127.0.0.1, LOOPBACK",
        "64:ff9b::a9fe:a9fe, CLOUD_METADATA",
        "2002:7f00:1::, LOOPBACK",
        "2002:c0a8:101::1, PRIVATE",
        "8.8.8.8, PUBLIC",
        "172.15.255.255, PUBLIC",
        "172.32.0.1, PUBLIC",
        "100.63.255.255, PUBLIC",
        "100.128.0.1, PUBLIC",
        "169.253.255.255, PUBLIC",
        "2001:4860:4860::8888, PUBLIC",
        "2606:4700::1111, PUBLIC",
        "::ffff:8.8.8.8, PUBLIC",
    })
    void classifiesLiteralAddresses(String literal, AddressClass expected) throws Exception {
        // Given a literal address (parsed without any lookup)
        InetAddress address = InetAddress.getByName(literal);

        // When it is classified
        AddressClass actual = AddressGuard.classify(address);

        // Then it falls in the expected class
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "mapped {0} kept as IPv6 is still {1}")
    @CsvSource({"127.0.0.1, LOOPBACK", "169.254.169.254, CLOUD_METADATA", "8.8.4.4, PUBLIC"})
    void mappedFormsThatStayIpv6AreJudgedByTheEmbeddedAddress(String v4, AddressClass expected)
            throws UnknownHostException {
        // Given ::ffff:a.b.c.d built as an Inet6Address (getByName would hand back an Inet4Address)
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(v4).getAddress(), 0, bytes, 12, 4);
        InetAddress mapped = Inet6Address.getByAddress(null, bytes, -1);
        assertThat(mapped).isInstanceOf(Inet6Address.class);

        // When it is classified
        AddressClass actual = AddressGuard.classify(mapped);

        // Then the embedded IPv4 address decides
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: strict {1}, loopback allowed {2}, private allowed {3}")
    @CsvSource({
        "127.0.0.1, loopback address, , loopback address",
        "10.0.0.1, private address, private address, ",
        "100.64.0.1, carrier-grade NAT address, carrier-grade NAT address, ",
        "169.254.169.254, cloud metadata address, cloud metadata address, cloud metadata address",
        "fe80::1, link-local address, link-local address, link-local address",
        "0.0.0.0, unspecified address, unspecified address, unspecified address",
        "ff02::1, multicast address, multicast address, multicast address",
        "93.184.215.14, , , ",
    })
    void switchesAllowOnlyTheirOwnClass(
            String literal, String strict, String loopbackAllowed, String privateAllowed)
            throws UnknownHostException {
        // Given an address
        InetAddress address = InetAddress.getByName(literal);

        // When each guard judges it
        // Then only the class its switch names is let through; empty CSV cells mean "allowed"
        assertThat(STRICT.refusal(address).orElse(null)).isEqualTo(strict);
        assertThat(LOOPBACK_ALLOWED.refusal(address).orElse(null)).isEqualTo(loopbackAllowed);
        assertThat(PRIVATE_ALLOWED.refusal(address).orElse(null)).isEqualTo(privateAllowed);
    }
}
