package dev.newsflow.jobs.functions.stories;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Type information for the collections of {@link ActiveStory}. Flink 1.20 serializes a POJO field
 * declared as {@code List} or {@code Map} with Kryo (slow, and no state schema evolution); these
 * factories, named in {@code @TypeInfo} on the fields, give Flink's own list and map serializers.
 */
final class StateTypes {

    private StateTypes() {}

    /** {@code List<E>} with Flink's list serializer. */
    public static final class ListOf<E> extends TypeInfoFactory<List<E>> {
        @Override
        @SuppressWarnings("unchecked")
        public TypeInformation<List<E>> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return Types.LIST((TypeInformation<E>) genericParameters.get("E"));
        }
    }

    /** {@code Map<K, V>} with Flink's map serializer. */
    public static final class MapOf<K, V> extends TypeInfoFactory<Map<K, V>> {
        @Override
        @SuppressWarnings("unchecked")
        public TypeInformation<Map<K, V>> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return Types.MAP(
                    (TypeInformation<K>) genericParameters.get("K"),
                    (TypeInformation<V>) genericParameters.get("V"));
        }
    }
}
