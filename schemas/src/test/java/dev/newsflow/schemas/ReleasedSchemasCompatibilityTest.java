package dev.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema in src/main/avro must stay fully compatible with its latest released version in
 * released/N/. Releasing a schema version means copying the current files into released/N+1/.
 */
class ReleasedSchemasCompatibilityTest {

    private static final Path CURRENT =
            Path.of(System.getProperty("newsflow.schemas.current", "src/main/avro"));
    private static final Path RELEASED =
            Path.of(System.getProperty("newsflow.schemas.released", "released"));

    static Stream<Path> currentSchemas() throws IOException {
        try (Stream<Path> files = Files.list(CURRENT)) {
            List<Path> schemas =
                    files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
            assertThat(schemas).as("schemas in %s", CURRENT).isNotEmpty();
            return schemas.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void currentSchemaIsFullyCompatibleWithLatestRelease(Path current) throws IOException {
        Optional<Path> released = latestRelease(current.getFileName().toString());
        assertThat(released)
                .as("a released version of %s (copy it into released/N/ when it ships)", current)
                .isPresent();

        List<String> problems = SchemaCompatibility.problems(parse(released.get()), parse(current));

        assertThat(problems).as("%s against %s", current.getFileName(), released.get()).isEmpty();
    }

    private static Optional<Path> latestRelease(String fileName) throws IOException {
        try (Stream<Path> versions = Files.list(RELEASED)) {
            return versions.filter(Files::isDirectory)
                    .sorted(
                            Comparator.comparingInt(
                                    p -> Integer.parseInt(p.getFileName().toString())))
                    .map(dir -> dir.resolve(fileName))
                    .filter(Files::exists)
                    .reduce((older, newer) -> newer);
        }
    }

    private static Schema parse(Path file) throws IOException {
        return new Schema.Parser().parse(file.toFile());
    }
}
