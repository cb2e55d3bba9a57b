package dev.newsflow.inference.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TensorShapesTest {

    @Test
    void batchedPutsTheBatchDimensionFirst() {
        assertThat(TensorShapes.batched(32, 384)).containsExactly(32L, 384L);
        assertThat(TensorShapes.batched(3)).containsExactly(3L);
    }

    @Test
    void countsElements() {
        assertThat(TensorShapes.elementCount(List.of(4L, 1L))).isEqualTo(4);
        assertThat(TensorShapes.elementCount(List.of(2L, 384L))).isEqualTo(768);
        assertThat(TensorShapes.elementCount(List.of())).isEqualTo(1);
        assertThat(TensorShapes.elementCount(List.of(0L, 5L))).isZero();
    }

    @Test
    void rejectsNegativeAndOverflowingShapes() {
        assertThatThrownBy(() -> TensorShapes.elementCount(List.of(-1L, 1L)))
                .isInstanceOf(MalformedTensorException.class);
        assertThatThrownBy(() -> TensorShapes.elementCount(List.of(1L << 20, 1L << 20)))
                .isInstanceOf(MalformedTensorException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void datatypesHaveTritonWireNamesAndSizes() {
        assertThat(Datatype.fromWireName("FP32")).contains(Datatype.FP32);
        assertThat(Datatype.FP32.elementSize()).isEqualTo(4);
        assertThat(Datatype.INT64.elementSize()).isEqualTo(8);
        assertThat(Datatype.BYTES.elementSize()).isEqualTo(-1);
        assertThat(Datatype.fromWireName("fp32")).isEmpty();
        assertThat(Datatype.fromWireName("STRING")).isEmpty();
    }
}
