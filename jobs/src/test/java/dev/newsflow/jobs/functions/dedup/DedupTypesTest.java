package dev.newsflow.jobs.functions.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** What travels between the near-duplicate operators and sits in their state is a Flink POJO. */
class DedupTypesTest {

    @Test
    void probesAreFlinkPojosWithAPrimitiveSignatureArray() throws Exception {
        TypeInformation<BandProbe> type = TypeInformation.of(BandProbe.class);

        assertThat(type).isInstanceOf(PojoTypeInfo.class);
        assertThat(((PojoTypeInfo<BandProbe>) type).getTypeAt("signature"))
                .isEqualTo(PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO);
        BandProbe probe = new BandProbe(-7L, "a", 42L, null, new int[] {3, -1, 2});
        BandProbe copy = roundTrip(type, probe);
        assertThat(copy).usingRecursiveComparison().isEqualTo(probe);
    }

    @Test
    void verdictsAndDecisionProgressAreFlinkPojosThatKeepTheirNulls() throws Exception {
        TypeInformation<NearDuplicateVerdict> verdictType =
                TypeInformation.of(NearDuplicateVerdict.class);
        TypeInformation<DecisionProgress> progressType = TypeInformation.of(DecisionProgress.class);

        assertThat(verdictType).isInstanceOf(PojoTypeInfo.class);
        assertThat(progressType).isInstanceOf(PojoTypeInfo.class);
        assertThat(roundTrip(verdictType, NearDuplicateVerdict.none("v")))
                .usingRecursiveComparison()
                .isEqualTo(NearDuplicateVerdict.none("v"));
        assertThat(roundTrip(verdictType, NearDuplicateVerdict.late("v", "a", 0.75)))
                .usingRecursiveComparison()
                .isEqualTo(NearDuplicateVerdict.late("v", "a", 0.75));
        DecisionProgress progress = DecisionProgress.until(99);
        progress.record(NearDuplicateVerdict.match("v", "a", 0.6));
        assertThat(roundTrip(progressType, progress))
                .usingRecursiveComparison()
                .isEqualTo(progress);
    }

    private static <T> T roundTrip(TypeInformation<T> type, T value) throws Exception {
        TypeSerializer<T> serializer =
                type.createSerializer(new ExecutionConfig().getSerializerConfig());
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
