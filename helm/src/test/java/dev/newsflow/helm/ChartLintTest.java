package dev.newsflow.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import dev.newsflow.helm.RenderedChart.Document;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chart passes {@code helm lint --strict} and renders for its default and production values.
 */
class ChartLintTest {

    @Test
    void lintsStrictly() {
        // When
        LintResult result = new Helm(RenderedChart.CHART).lint().strict().call();

        // Then: INFO lines (e.g. "icon is recommended") are allowed, warnings and errors are not
        assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
        assertThat(result.getMessages())
                .noneMatch(m -> m.startsWith("[WARNING]") || m.startsWith("[ERROR]"));
    }

    @Test
    void rendersDefaultAndProductionValues() {
        assertThat(RenderedChart.defaults()).isNotEmpty();
        assertThat(RenderedChart.production()).isNotEmpty();
    }

    @Test
    void productionPinsEveryImageByDigest() {
        // Given the production render, with the digests CI passes
        List<Document> production = RenderedChart.production();

        // Then every container image is a digest reference
        assertThat(images(production))
                .isNotEmpty()
                .allSatisfy(image -> assertThat(image).matches(".+@sha256:[0-9a-f]{64}"));
    }

    @Test
    void productionRefusesAnImageWithoutDigest() {
        // Given the production values and every digest but the jobs'
        Map<String, String> digests = new java.util.HashMap<>(RenderedChart.PRODUCTION_DIGESTS);
        digests.remove("images.jobs.digest");

        // Then the render fails and names the missing value
        assertThatThrownBy(
                        () ->
                                RenderedChart.template(
                                        List.of(RenderedChart.PRODUCTION_VALUES), digests))
                .hasMessageContaining("images.jobs.digest is required");
    }

    @Test
    void defaultValuesUseTags() {
        assertThat(images(RenderedChart.defaults()))
                .allSatisfy(image -> assertThat(image).doesNotContain("@").contains(":"));
    }

    private static List<String> images(List<Document> render) {
        return PodTemplate.of(render).stream().flatMap(p -> p.images().stream()).toList();
    }
}
