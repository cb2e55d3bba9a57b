package dev.newsflow.inference.server;

import dev.newsflow.inference.grpc.ModelMetadataResponse.TensorMetadata;
import dev.newsflow.inference.protocol.Datatype;
import java.util.List;

/**
 * A model input or output as model metadata declares it.
 *
 * @param name tensor name, e.g. {@code TEXT}
 * @param datatype element type
 * @param shape dimensions, batch first, {@code -1} where any size is accepted
 */
public record TensorSpec(String name, Datatype datatype, List<Long> shape) {

    public TensorSpec {
        shape = List.copyOf(shape);
    }

    TensorMetadata toMetadata() {
        return TensorMetadata.newBuilder()
                .setName(name)
                .setDatatype(datatype.wireName())
                .addAllShape(shape)
                .build();
    }
}
