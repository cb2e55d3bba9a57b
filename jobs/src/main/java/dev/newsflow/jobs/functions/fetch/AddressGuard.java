package dev.newsflow.jobs.functions.fetch;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decides which IP addresses the fetcher may connect to. Loopback is allowed only with {@code
 * allowLoopback}; private and carrier-grade NAT ranges only with {@code allowPrivate}; link-local,
 * cloud metadata, unspecified, multicast and reserved addresses never. IPv6 forms that embed an
 * IPv4 address (mapped {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d}, NAT64 {@code
 * 64:ff9b::/96} and 6to4 {@code 2002::/16}) are judged by the embedded address, so {@code
 * ::ffff:127.0.0.1} is loopback.
 *
 * <p>This class only classifies; {@link GuardedDnsResolver} applies it to the addresses the HTTP
 * client actually connects to.
 */
public final class AddressGuard {

    private static final byte[] AWS_IPV6_METADATA = ipv6(0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x0254);
    private static final byte[] NAT64_PREFIX = ipv6(0x0064, 0xff9b, 0, 0, 0, 0, 0, 0);

    private final boolean allowLoopback;
    private final boolean allowPrivate;

    public AddressGuard(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    public static AddressGuard of(FetchPolicy policy) {
        return new AddressGuard(policy.allowLoopback(), policy.allowPrivate());
    }

    /** Why {@code address} may not be connected to, e.g. {@code "loopback address"}; or empty. */
    public Optional<String> refusal(InetAddress address) {
        AddressClass type = classify(address);
        boolean allowed =
                switch (type) {
                    case PUBLIC -> true;
                    case LOOPBACK -> allowLoopback;
                    case PRIVATE, CARRIER_GRADE_NAT -> allowPrivate;
                    default -> false;
                };
        return allowed ? Optional.empty() : Optional.of(type.description());
    }

    public static AddressClass classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return classifyV4(b);
        }
        byte[] embedded = embeddedIpv4(b);
        return embedded != null ? classifyV4(embedded) : classifyV6(b);
    }

    private static AddressClass classifyV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if ((a0 | a1 | a2 | a3) == 0) {
            return AddressClass.UNSPECIFIED;
        }
        if (a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254 // AWS, GCP, Azure, OCI, ...
                || a0 == 100 && a1 == 100 && a2 == 100 && a3 == 200 // Alibaba Cloud
                || a0 == 168 && a1 == 63 && a2 == 129 && a3 == 16) { // Azure WireServer
            return AddressClass.CLOUD_METADATA;
        }
        if (a0 == 127) {
            return AddressClass.LOOPBACK;
        }
        if (a0 == 10 || a0 == 172 && (a1 & 0xf0) == 16 || a0 == 192 && a1 == 168) {
            return AddressClass.PRIVATE;
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return AddressClass.CARRIER_GRADE_NAT;
        }
        if (a0 == 169 && a1 == 254) {
            return AddressClass.LINK_LOCAL;
        }
        if ((a0 & 0xf0) == 224) {
            return AddressClass.MULTICAST;
        }
        if (a0 == 0
                || (a0 & 0xf0) == 240
                || a0 == 192 && a1 == 0 && a2 == 0
                || a0 == 198 && (a1 & 0xfe) == 18) {
            return AddressClass.RESERVED;
        }
        return AddressClass.PUBLIC;
    }

    private static AddressClass classifyV6(byte[] b) {
        if (Arrays.equals(b, AWS_IPV6_METADATA)) {
            return AddressClass.CLOUD_METADATA;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0xff) {
            return AddressClass.MULTICAST;
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return AddressClass.LINK_LOCAL;
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0 || (first & 0xfe) == 0xfc) {
            return AddressClass.PRIVATE;
        }
        return AddressClass.PUBLIC;
    }

    /**
     * The IPv4 address inside an IPv6 one, for the forms that route to it, or null. {@code ::} and
     * {@code ::1} come back as 0.0.0.0 and 0.0.0.1; the first is unspecified and {@code ::1} is
     * special-cased to loopback.
     */
    private static byte[] embeddedIpv4(byte[] b) {
        if (isZero(b, 0, 10)) {
            boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = b[10] == 0 && b[11] == 0;
            if (compatible && isZero(b, 12, 15) && b[15] == 1) {
                return new byte[] {127, 0, 0, 1}; // ::1
            }
            if (mapped || compatible) {
                return Arrays.copyOfRange(b, 12, 16);
            }
        }
        if (Arrays.equals(b, 0, 12, NAT64_PREFIX, 0, 12)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) { // 6to4: 2002:AABB:CCDD::/48
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ipv6(int... groups) {
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (groups[i] >> 8);
            out[2 * i + 1] = (byte) groups[i];
        }
        return out;
    }
}
