package dev.newsflow.inference.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact bytes of the Triton raw tensor encoding, and every way contents can be malformed. */
class TensorCodecTest {

    private static ByteString bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return ByteString.copyFrom(out);
    }

    @Test
    void bytesElementsAreLittleEndianLengthPrefixedUtf8() {
        // Given: an ASCII word, an empty string and a two-byte UTF-8 character
        List<String> texts = List.of("hi", "", "é");

        // When
        ByteString raw = TensorCodec.encodeStrings(texts);

        // Then
        assertThat(raw)
                .isEqualTo(
                        bytes(
                                0x02, 0x00, 0x00, 0x00, 'h', 'i', //
                                0x00, 0x00, 0x00, 0x00, //
                                0x02, 0x00, 0x00, 0x00, 0xC3, 0xA9));
        assertThat(TensorCodec.decodeStrings(raw, 3)).containsExactly("hi", "", "é");
    }

    @Test
    void lengthPrefixUsesAllFourBytesLittleEndian() {
        // Given: a 300-byte element, 300 = 0x012C
        byte[] element = new byte[300];

        // When
        ByteString raw = TensorCodec.encodeBytes(List.of(element));

        // Then
        assertThat(raw.size()).isEqualTo(304);
        assertThat(raw.substring(0, 4)).isEqualTo(bytes(0x2C, 0x01, 0x00, 0x00));
        assertThat(TensorCodec.decodeBytes(raw, 1).get(0)).hasSize(300);
    }

    @Test
    void fp32IsRowMajorLittleEndianIeee754() {
        // Given: 1.0f = 0x3F800000, -2.5f = 0xC0200000, 0.0f, 0.5f = 0x3F000000
        float[][] matrix = {{1.0f, -2.5f}, {0.0f, 0.5f}};

        // When
        ByteString raw = TensorCodec.encodeFp32(matrix);

        // Then
        assertThat(raw)
                .isEqualTo(
                        bytes(
                                0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0, //
                                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x3F));
        assertThat(TensorCodec.decodeFp32(raw, 2, 2)).isDeepEqualTo(matrix);
    }

    @Test
    void int64IsLittleEndianTwosComplement() {
        // When
        ByteString raw = TensorCodec.encodeInt64(new long[] {1, -1, 0x0102030405060708L});

        // Then
        assertThat(raw)
                .isEqualTo(
                        bytes(
                                0x01, 0, 0, 0, 0, 0, 0, 0, //
                                0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, //
                                0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01));
        assertThat(TensorCodec.decodeInt64(raw, 3)).containsExactly(1, -1, 0x0102030405060708L);
    }

    @Test
    void emptyTensorsEncodeToNoBytes() {
        assertThat(TensorCodec.encodeStrings(List.of())).isEqualTo(ByteString.EMPTY);
        assertThat(TensorCodec.encodeFp32(new float[0][])).isEqualTo(ByteString.EMPTY);
        assertThat(TensorCodec.decodeStrings(ByteString.EMPTY, 0)).isEmpty();
    }

    @Test
    void rejectsContentsThatEndInsideALengthPrefix() {
        assertThatThrownBy(() -> TensorCodec.decodeBytes(bytes(0x01, 0x00), 1))
                .isInstanceOf(MalformedTensorException.class)
                .hasMessageContaining("element 0 of 1")
                .hasMessageContaining("4-byte length prefix");
    }

    @Test
    void rejectsALengthBeyondTheContents() {
        assertThatThrownBy(() -> TensorCodec.decodeBytes(bytes(0x05, 0, 0, 0, 'a', 'b'), 1))
                .isInstanceOf(MalformedTensorException.class)
                .hasMessageContaining("declares 5 bytes but only 2 remain");
    }

    @Test
    void rejectsALengthThatIsNegativeAsSignedInt() {
        assertThatThrownBy(() -> TensorCodec.decodeBytes(bytes(0xFF, 0xFF, 0xFF, 0xFF), 1))
                .isInstanceOf(MalformedTensorException.class)
                .hasMessageContaining("declares 4294967295 bytes");
    }

    @Test
    void rejectsFewerElementsThanTheShapePromises() {
        ByteString one = TensorCodec.encodeStrings(List.of("only"));

        assertThatThrownBy(() -> TensorCodec.decodeStrings(one, 2))
                .isInstanceOf(MalformedTensorException.class)
                .hasMessageContaining("element 1 of 2");
    }

    @Test
    void rejectsBytesLeftAfterTheLastElement() {
        ByteString two = TensorCodec.encodeStrings(List.of("a", "b"));

        assertThatThrownBy(() -> TensorCodec.decodeStrings(two, 1))
                .isInstanceOf(MalformedTensorException.class)
                .hasMessageContaining("5 bytes after the 1 elements");
    }

    @Test
    void rejectsInvalidUtf8NamingTheElement() {
        ByteString raw =
                TensorCodec.encodeBytes(List.of(new byte[] {'o', 'k'}, new byte[] {(byte) 0xC3}));

        assertThatThrownBy(() -> TensorCodec.decodeStrings(raw, 2))
                .isInstanceOf(MalformedTensorException.class)
                .hasMessage("BYTES element 1 is not valid UTF-8");
    }

    @Test
    void rejectsFp32ContentsOfTheWrongSize() {
        assertThatThrownBy(() -> TensorCodec.decodeFp32(bytes(0, 0, 0, 0), 1, 2))
                .isInstanceOf(MalformedTensorException.class)
                .hasMessageContaining("4 bytes, shape [1, 2] needs 8");
        assertThatThrownBy(() -> TensorCodec.decodeInt64(bytes(0, 0, 0, 0), 1))
                .isInstanceOf(MalformedTensorException.class);
    }

    @Test
    void rejectsRaggedFp32Rows() {
        assertThatThrownBy(() -> TensorCodec.encodeFp32(new float[][] {{1f, 2f}, {3f}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1 has 1 values");
    }
}
