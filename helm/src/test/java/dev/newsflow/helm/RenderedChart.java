package dev.newsflow.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The chart in {@code helm/newsflow} rendered by {@code helm template} (the helm library inside
 * helm-java, no binary needed), split into its documents. The default and production renders are
 * made once per test JVM.
 */
final class RenderedChart {

    /** Release name of every render; k8s/ is rendered with it too. */
    static final String RELEASE = "newsflow";

    static final Path CHART = Path.of(System.getProperty("newsflow.chart", "newsflow"));
    static final Path PRODUCTION_VALUES = CHART.resolve("values-production.yaml");

    /** A digest for every image, as CI would pass for a production release. */
    static final Map<String, String> PRODUCTION_DIGESTS =
            digests("jobs", "queryService", "inferenceServer", "triton", "opensearch");

    static final ObjectMapper YAML = new YAMLMapper();

    private static final Pattern SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: [^/]+/templates/(.+)$");

    /** One rendered document: the template it came from, its text and its parsed tree. */
    record Document(String source, String text, JsonNode tree) {

        String kind() {
            return tree.path("kind").asText();
        }

        String apiVersion() {
            return tree.path("apiVersion").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + source + ")";
        }
    }

    /**
     * Switches the default render leaves off, so that their templates are validated too: the CPU
     * model server, an initial feed list, TLS, the sysctl init container, pull secrets, fixed query
     * replicas, a model repository volume.
     */
    static final Map<String, String> VARIANTS =
            Map.of(
                    "inferenceServer.enabled", "true",
                    "jobs.feedIngest.feeds[0]", "https://example.org/rss.xml",
                    "queryService.ingress.tlsSecretName", "newsflow-tls",
                    "queryService.autoscaling.enabled", "false",
                    "opensearch.sysctlInit", "true",
                    "imagePullSecrets[0].name", "regcred",
                    "triton.modelRepositoryClaim", "models");

    private static List<Document> defaults;
    private static List<Document> production;
    private static List<Document> variants;

    private RenderedChart() {}

    static synchronized List<Document> defaults() {
        if (defaults == null) {
            defaults = parse(template(List.of(), Map.of()));
        }
        return defaults;
    }

    static synchronized List<Document> production() {
        if (production == null) {
            production = parse(template(List.of(PRODUCTION_VALUES), PRODUCTION_DIGESTS));
        }
        return production;
    }

    static synchronized List<Document> variants() {
        if (variants == null) {
            variants = parse(template(List.of(), VARIANTS));
        }
        return variants;
    }

    /** {@code helm template newsflow helm/newsflow -f FILE... --set KEY=VALUE...}. */
    static String template(List<Path> valuesFiles, Map<String, String> values) {
        TemplateCommand command = new Helm(CHART).template().withName(RELEASE);
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            command = command.set(value.getKey(), value.getValue());
        }
        return command.call();
    }

    /** Splits helm's output into documents, dropping empty ones. */
    static List<Document> parse(String manifest) {
        List<Document> documents = new ArrayList<>();
        for (String text : SEPARATOR.split(manifest)) {
            Matcher source = SOURCE.matcher(text);
            if (text.isBlank() || !source.find()) {
                continue;
            }
            try {
                JsonNode tree = YAML.readTree(text);
                if (tree != null && !tree.isMissingNode() && !tree.isNull()) {
                    documents.add(new Document(source.group(1), text.strip() + "\n", tree));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("not YAML: " + source.group(1) + "\n" + text, e);
            }
        }
        return documents;
    }

    /** The three renders the parameterized tests run on: {@code (name, supplier of documents)}. */
    static Stream<Arguments> renders() {
        return Stream.of(
                Arguments.of("default values", (Supplier<List<Document>>) RenderedChart::defaults),
                Arguments.of(
                        "production values", (Supplier<List<Document>>) RenderedChart::production),
                Arguments.of(
                        "optional parts switched on",
                        (Supplier<List<Document>>) RenderedChart::variants));
    }

    static Stream<Document> ofKind(List<Document> documents, String kind) {
        return documents.stream().filter(d -> d.kind().equals(kind));
    }

    private static Map<String, String> digests(String... images) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < images.length; i++) {
            values.put("images." + images[i] + ".digest", "sha256:" + String.valueOf(i).repeat(64));
        }
        return values;
    }
}
