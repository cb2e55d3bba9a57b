package dev.newsflow.schemas;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Full (backward and forward) compatibility between a released schema and its successor: new
 * readers must read old data, and old readers must read new data, because producers and consumers
 * of a topic are upgraded independently.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {}

    /** Problems found, each naming the direction and the location; empty when compatible. */
    public static List<String> problems(Schema released, Schema next) {
        List<String> problems = new ArrayList<>();
        collect(
                "new readers cannot read data written with the released schema",
                org.apache.avro.SchemaCompatibility.checkReaderWriterCompatibility(next, released),
                problems);
        collect(
                "readers on the released schema cannot read data written with the new schema",
                org.apache.avro.SchemaCompatibility.checkReaderWriterCompatibility(released, next),
                problems);
        return problems;
    }

    private static void collect(
            String direction, SchemaPairCompatibility result, List<String> out) {
        for (Incompatibility i : result.getResult().getIncompatibilities()) {
            out.add(
                    direction
                            + ": "
                            + i.getType()
                            + " at "
                            + i.getLocation()
                            + " ("
                            + i.getMessage()
                            + ")");
        }
    }
}
