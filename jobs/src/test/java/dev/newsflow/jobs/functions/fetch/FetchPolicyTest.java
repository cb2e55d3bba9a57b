package dev.newsflow.jobs.functions.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Defaults, validation and serializability of the fetch configuration. */
class FetchPolicyTest {

    @Test
    void defaultsAreSafeForThePublicInternet() {
        FetchPolicy policy = FetchPolicy.defaults();

        assertThat(policy.allowLoopback()).isFalse();
        assertThat(policy.allowPrivate()).isFalse();
        assertThat(policy.maxRedirects()).isEqualTo(5);
        assertThat(policy.maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(policy.accepts(FetchKind.PAGE, "text/html")).isTrue();
        assertThat(policy.accepts(FetchKind.PAGE, "application/rss+xml")).isFalse();
        assertThat(policy.accepts(FetchKind.FEED, "application/atom+xml")).isTrue();
        assertThat(policy.accepts(FetchKind.FEED, "image/png")).isFalse();
    }

    @Test
    void builderChangesOnlyWhatItIsTold() {
        // Given the defaults changed in two settings, one via toBuilder
        FetchPolicy policy =
                FetchPolicy.defaults().toBuilder()
                        .maxRedirects(2)
                        .acceptedContentTypes(FetchKind.PAGE, Set.of(" Text/Plain "))
                        .build();

        // Then those two differ, normalized, and the rest are the defaults
        assertThat(policy.maxRedirects()).isEqualTo(2);
        assertThat(policy.acceptedContentTypes().get(FetchKind.PAGE)).containsExactly("text/plain");
        assertThat(
                        policy.toBuilder()
                                .maxRedirects(5)
                                .acceptedContentTypes(FetchKind.PAGE, FetchPolicy.PAGE_TYPES)
                                .build())
                .isEqualTo(FetchPolicy.defaults());
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> FetchPolicy.builder().readTimeout(Duration.ZERO).build())
                .hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> FetchPolicy.builder().maxRedirects(-1).build())
                .hasMessageContaining("maxRedirects");
        assertThatThrownBy(
                        () -> FetchPolicy.builder().hostMinInterval(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("hostMinInterval");
        assertThatThrownBy(
                        () ->
                                FetchPolicy.builder()
                                        .acceptedContentTypes(FetchKind.FEED, Set.of())
                                        .build())
                .hasMessageContaining("FEED");
    }

    @Test
    void survivesJavaSerializationAsAFlinkFunctionField() throws Exception {
        // Given a non-default policy
        FetchPolicy policy = FetchPolicy.builder().allowLoopback(true).maxBodyBytes(1234).build();

        // When it is serialized and read back
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(policy);
        }
        Object copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        // Then it is equal to the original
        assertThat(copy).isEqualTo(policy);
    }
}
