package dev.newsflow.schemas.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingBytesTest {

    @Test
    void floatsAreLittleEndianFloat32InBase64() {
        // 1.0f = 0x3F800000 and -2.0f = 0xC0000000, little-endian: 00 00 80 3F 00 00 00 C0
        assertThat(EmbeddingBytes.encode(List.of(1.0f, -2.0f))).isEqualTo("AACAPwAAAMA=");
        assertThat(EmbeddingBytes.encode(new float[] {1.0f, -2.0f})).isEqualTo("AACAPwAAAMA=");
    }

    @Test
    void decodingRestoresTheExactFloats() {
        float[] v = {0.1f, -0.25f, Float.MIN_VALUE, 3.4e38f};

        assertThat(EmbeddingBytes.decode(EmbeddingBytes.encode(v))).containsExactly(v);
    }

    @Test
    void noEmbeddingIsNoValue() {
        assertThat(EmbeddingBytes.encode(List.of())).isNull();
        assertThat(EmbeddingBytes.encode((List<Float>) null)).isNull();
        assertThat(EmbeddingBytes.decode(null)).isNull();
        assertThat(EmbeddingBytes.decode("")).isNull();
    }

    @Test
    void aValueThatIsNotWholeFloatsIsRefused() {
        assertThatThrownBy(() -> EmbeddingBytes.decode("AAAA")) // 3 bytes
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 bytes");
    }
}
