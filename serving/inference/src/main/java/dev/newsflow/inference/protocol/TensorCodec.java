package dev.newsflow.inference.protocol;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw tensor encoding of the KServe v2 / Triton gRPC protocol ({@code raw_input_contents},
 * {@code raw_output_contents}): elements flattened row-major with no padding, numbers
 * little-endian, and a {@code BYTES} element written as a 4-byte little-endian unsigned length
 * followed by that many bytes (text as UTF-8).
 *
 * <p>Decoders take the element count that the tensor's shape promises and reject contents that do
 * not hold exactly that many elements, so a request can never be half-read.
 */
public final class TensorCodec {

    /** Bytes of the length prefix of each {@code BYTES} element. */
    public static final int LENGTH_PREFIX = 4;

    private TensorCodec() {}

    /** Encodes {@code BYTES} elements, each prefixed with its little-endian length. */
    public static ByteString encodeBytes(List<byte[]> elements) {
        long size = 0;
        for (byte[] element : elements) {
            size += LENGTH_PREFIX + element.length;
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("BYTES tensor of " + size + " bytes is too large");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        for (byte[] element : elements) {
            buffer.putInt(element.length);
            buffer.put(element);
        }
        buffer.flip();
        return ByteString.copyFrom(buffer);
    }

    /** Encodes strings as UTF-8 {@code BYTES} elements. */
    public static ByteString encodeStrings(List<String> texts) {
        List<byte[]> elements = new ArrayList<>(texts.size());
        for (String text : texts) {
            elements.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return encodeBytes(elements);
    }

    /**
     * Decodes exactly {@code count} {@code BYTES} elements.
     *
     * @throws MalformedTensorException if the contents end inside an element, hold more than {@code
     *     count} elements, or a length is negative (as unsigned: beyond 2 GiB)
     */
    public static List<byte[]> decodeBytes(ByteString raw, int count) {
        ByteBuffer buffer = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> elements = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            if (buffer.remaining() < LENGTH_PREFIX) {
                throw new MalformedTensorException(
                        "BYTES contents end at element "
                                + i
                                + " of "
                                + count
                                + ": "
                                + buffer.remaining()
                                + " bytes left, a 4-byte length prefix expected");
            }
            int length = buffer.getInt();
            if (length < 0 || length > buffer.remaining()) {
                throw new MalformedTensorException(
                        "BYTES element "
                                + i
                                + " declares "
                                + Integer.toUnsignedString(length)
                                + " bytes but only "
                                + buffer.remaining()
                                + " remain");
            }
            byte[] element = new byte[length];
            buffer.get(element);
            elements.add(element);
        }
        if (buffer.hasRemaining()) {
            throw new MalformedTensorException(
                    "BYTES contents hold "
                            + buffer.remaining()
                            + " bytes after the "
                            + count
                            + " elements of the shape");
        }
        return elements;
    }

    /** Decodes exactly {@code count} UTF-8 {@code BYTES} elements; invalid UTF-8 is rejected. */
    public static List<String> decodeStrings(ByteString raw, int count) {
        List<byte[]> elements = decodeBytes(raw, count);
        List<String> texts = new ArrayList<>(elements.size());
        CharsetDecoder utf8 =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int i = 0; i < elements.size(); i++) {
            try {
                CharBuffer chars = utf8.decode(ByteBuffer.wrap(elements.get(i)));
                texts.add(chars.toString());
            } catch (CharacterCodingException e) {
                throw new MalformedTensorException("BYTES element " + i + " is not valid UTF-8");
            }
        }
        return texts;
    }

    /** Encodes a {@code [rows.length, width]} FP32 matrix; every row must have the same length. */
    public static ByteString encodeFp32(float[][] rows) {
        int width = rows.length == 0 ? 0 : rows[0].length;
        ByteBuffer buffer =
                ByteBuffer.allocate(Math.multiplyExact(Math.multiplyExact(rows.length, width), 4))
                        .order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != width) {
                throw new IllegalArgumentException(
                        "row " + r + " has " + rows[r].length + " values, row 0 has " + width);
            }
            for (float value : rows[r]) {
                buffer.putFloat(value);
            }
        }
        buffer.flip();
        return ByteString.copyFrom(buffer);
    }

    /**
     * Decodes a {@code [rows, width]} FP32 matrix.
     *
     * @throws MalformedTensorException unless the contents are exactly {@code rows * width * 4}
     *     bytes
     */
    public static float[][] decodeFp32(ByteString raw, int rows, int width) {
        long expected = 4L * rows * width;
        if (raw.size() != expected) {
            throw new MalformedTensorException(
                    "FP32 contents of "
                            + raw.size()
                            + " bytes, shape ["
                            + rows
                            + ", "
                            + width
                            + "] needs "
                            + expected);
        }
        FloatBuffer floats =
                raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[][] matrix = new float[rows][width];
        for (float[] row : matrix) {
            floats.get(row);
        }
        return matrix;
    }

    /** Encodes INT64 values. */
    public static ByteString encodeInt64(long[] values) {
        ByteBuffer buffer =
                ByteBuffer.allocate(Math.multiplyExact(values.length, 8))
                        .order(ByteOrder.LITTLE_ENDIAN);
        buffer.asLongBuffer().put(values);
        return ByteString.copyFrom(buffer);
    }

    /**
     * Decodes exactly {@code count} INT64 values.
     *
     * @throws MalformedTensorException unless the contents are exactly {@code count * 8} bytes
     */
    public static long[] decodeInt64(ByteString raw, int count) {
        if (raw.size() != 8L * count) {
            throw new MalformedTensorException(
                    "INT64 contents of "
                            + raw.size()
                            + " bytes, "
                            + count
                            + " values need "
                            + 8L * count);
        }
        long[] values = new long[count];
        raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
        return values;
    }
}
