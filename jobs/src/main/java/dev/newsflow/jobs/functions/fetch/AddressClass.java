package dev.newsflow.jobs.functions.fetch;

/** What kind of address an IP is, as far as SSRF is concerned; see {@link AddressGuard}. */
public enum AddressClass {
    PUBLIC("public address"),
    LOOPBACK("loopback address"),
    /** RFC 1918, IPv6 unique-local fc00::/7 and the deprecated site-local fec0::/10. */
    PRIVATE("private address"),
    /** RFC 6598 shared address space 100.64/10. */
    CARRIER_GRADE_NAT("carrier-grade NAT address"),
    LINK_LOCAL("link-local address"),
    /** Instance metadata endpoints, which hand out cloud credentials. */
    CLOUD_METADATA("cloud metadata address"),
    UNSPECIFIED("unspecified address"),
    MULTICAST("multicast address"),
    /** 0/8, 240/4 (with broadcast), 192.0.0/24 and the 198.18/15 benchmarking range. */
    RESERVED("reserved address");

    private final String description;

    AddressClass(String description) {
        this.description = description;
    }

    /** E.g. {@code "loopback address"}; used verbatim in refusal reasons. */
    public String description() {
        return description;
    }
}
