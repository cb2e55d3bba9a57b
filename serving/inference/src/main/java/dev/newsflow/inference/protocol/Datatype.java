package dev.newsflow.inference.protocol;

import java.util.Optional;

/**
 * Tensor data types of the KServe v2 / Triton protocol, by their wire names ({@code "FP32"}), with
 * the size of one element in {@code raw_*_contents}.
 */
public enum Datatype {
    BOOL(1),
    UINT8(1),
    UINT16(2),
    UINT32(4),
    UINT64(8),
    INT8(1),
    INT16(2),
    INT32(4),
    INT64(8),
    FP16(2),
    FP32(4),
    FP64(8),
    BF16(2),
    /** Variable-length elements, each a 4-byte little-endian length and then the bytes. */
    BYTES(-1);

    private final int elementSize;

    Datatype(int elementSize) {
        this.elementSize = elementSize;
    }

    /** The name on the wire, e.g. {@code "BYTES"}. */
    public String wireName() {
        return name();
    }

    /** Bytes per element in raw contents; -1 for {@link #BYTES}, whose elements vary. */
    public int elementSize() {
        return elementSize;
    }

    /** The data type of a wire name, empty if the protocol has no such type (names are exact). */
    public static Optional<Datatype> fromWireName(String wireName) {
        for (Datatype type : values()) {
            if (type.name().equals(wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
