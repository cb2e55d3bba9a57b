package dev.newsflow.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.helm.RenderedChart.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a deployment of Newsflow must hold whatever the values: workloads run as non-root with
 * probes, every NEWSFLOW_* variable is one README.md or docs/ document, the Flink jobs keep their
 * state the way upgrades and restarts need, and Triton gets the GPUs the values ask for.
 */
class ChartConventionsTest {

    private static final Path README =
            Path.of(System.getProperty("newsflow.readme", "../README.md"));
    private static final Pattern DOCUMENTED = Pattern.compile("`(NEWSFLOW_[A-Z0-9_]+\\*?)`");

    @Test
    void podsRunAsNonRootWithoutPrivilegeEscalation() {
        for (List<Document> render :
                List.of(RenderedChart.defaults(), RenderedChart.production())) {
            for (PodTemplate pods : PodTemplate.of(render)) {
                assertThat(pods.spec().at("/securityContext/runAsNonRoot").asBoolean())
                        .as("runAsNonRoot of %s", pods.owner())
                        .isTrue();
                for (JsonNode c : pods.containers()) {
                    assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true))
                            .as("privilege escalation in %s, %s", pods.owner(), c.path("name"))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void everyServerContainerHasStartupReadinessAndLivenessProbes() {
        // FlinkDeployments are watched by the operator; every other workload declares its probes
        for (PodTemplate pods : PodTemplate.of(RenderedChart.defaults())) {
            if (pods.owner().kind().equals("FlinkDeployment")) {
                continue;
            }
            for (JsonNode c : pods.spec().path("containers")) {
                assertThat(List.of("startupProbe", "readinessProbe", "livenessProbe"))
                        .as("probes of %s in %s", c.path("name"), pods.owner())
                        .allMatch(c::has);
            }
        }
    }

    @Test
    void everyNewsflowVariableIsDocumented() throws IOException {
        // Given the names README.md's configuration table and the design notes in docs/ document
        // ("NEWSFLOW_DEDUP_*" covers a prefix)
        Set<String> documented = new HashSet<>();
        for (Path doc : documentation()) {
            Matcher m = DOCUMENTED.matcher(Files.readString(doc));
            while (m.find()) {
                documented.add(m.group(1));
            }
        }

        // When collecting every NEWSFLOW_* variable any render sets
        Set<String> used = new TreeSet<>();
        for (List<Document> render :
                List.of(
                        RenderedChart.defaults(),
                        RenderedChart.production(),
                        RenderedChart.variants())) {
            PodTemplate.of(render).forEach(p -> used.addAll(p.env().keySet()));
        }
        used.removeIf(name -> !name.startsWith("NEWSFLOW_"));

        // Then each is documented, so a misspelt name cannot silently fall back to a default
        assertThat(used)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(isDocumented(name, documented)).as(name).isTrue());
    }

    @Test
    void flinkJobsKeepTheirStateForUpgradesAndRestarts() {
        Set<String> stateDirs = new HashSet<>();
        List<Document> jobs =
                RenderedChart.ofKind(RenderedChart.production(), "FlinkDeployment").toList();
        assertThat(jobs)
                .extracting(
                        job -> job.tree().at("/metadata/labels").path("newsflow.dev/job").asText())
                .containsExactlyInAnyOrder("enrichment", "feed-ingest", "persona");
        for (Document job : jobs) {
            JsonNode spec = job.tree().path("spec");
            JsonNode conf = spec.path("flinkConfiguration");
            assertThat(spec.path("job").path("upgradeMode").asText()).isEqualTo("savepoint");
            assertThat(conf.path("state.backend.type").asText()).isEqualTo("rocksdb");
            assertThat(conf.path("state.backend.incremental").asText()).isEqualTo("true");
            assertThat(conf.path("high-availability.type").asText()).isEqualTo("kubernetes");
            assertThat(conf.path("job.autoscaler.enabled").asText()).isEqualTo("true");
            for (String dir :
                    List.of(
                            "state.checkpoints.dir",
                            "state.savepoints.dir",
                            "high-availability.storageDir")) {
                String value = conf.path(dir).asText();
                assertThat(value).as("%s of %s", dir, job).startsWith("s3://");
                // Two jobs sharing a directory would read each other's HA metadata or state
                assertThat(stateDirs.add(value)).as("%s of %s is unique", dir, job).isTrue();
            }
            // The job's parallelism must fit under the max parallelism its state is keyed by
            assertThat(spec.path("job").path("parallelism").asInt())
                    .isLessThanOrEqualTo(conf.path("pipeline.max-parallelism").asInt());
        }
    }

    @Test
    void flinkEntryClassesExistInTheJobsModule() {
        RenderedChart.ofKind(RenderedChart.defaults(), "FlinkDeployment")
                .map(d -> d.tree().path("spec").path("job").path("entryClass").asText())
                .forEach(
                        entry -> {
                            Path source =
                                    README.resolveSibling("jobs/src/main/java")
                                            .resolve(entry.replace('.', '/') + ".java");
                            assertThat(source).as(entry).exists();
                        });
    }

    @Test
    void tritonGetsTheGpusTheValuesAskFor() {
        // Given two GPUs per replica
        List<Document> render =
                RenderedChart.parse(RenderedChart.template(List.of(), Map.of("triton.gpus", "2")));

        // Then requests and limits both carry them (extended resources must be equal)
        JsonNode resources =
                RenderedChart.ofKind(render, "Deployment")
                        .filter(d -> d.name().endsWith("-triton"))
                        .findFirst()
                        .orElseThrow()
                        .tree()
                        .path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")
                        .get(0)
                        .path("resources");
        assertThat(resources.path("limits").path("nvidia.com/gpu").asInt()).isEqualTo(2);
        assertThat(resources.path("requests").path("nvidia.com/gpu").asInt()).isEqualTo(2);
    }

    private static List<Path> documentation() throws IOException {
        try (Stream<Path> docs = Files.list(README.resolveSibling("docs"))) {
            return Stream.concat(Stream.of(README), docs.filter(d -> d.toString().endsWith(".md")))
                    .toList();
        }
    }

    private static boolean isDocumented(String name, Set<String> documented) {
        return documented.contains(name)
                || documented.stream()
                        .anyMatch(
                                d ->
                                        d.endsWith("*")
                                                && name.startsWith(d.substring(0, d.length() - 1)));
    }
}
