package dev.newsflow.jobs.functions.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitTest {

    @Test
    void runsAtMostLimitTasksAndStartsTheNextWhenOneFinishes() {
        // Given: a limit of two and four tasks that finish when the test says so
        ConcurrencyLimit limit = new ConcurrencyLimit(2);
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            limit.submit(
                    () -> {
                        CompletableFuture<Void> f = new CompletableFuture<>();
                        started.add(f);
                        return f;
                    });
        }

        // Then: two run, two wait
        assertThat(started).hasSize(2);
        assertThat(limit.waiting()).isEqualTo(2);

        // When: one fails, the third starts; when all finish, nothing runs
        started.get(0).completeExceptionally(new IllegalStateException("boom"));
        assertThat(started).hasSize(3);
        started.get(1).complete(null);
        started.get(2).complete(null);
        started.get(3).complete(null);
        assertThat(started).hasSize(4);
        assertThat(limit.running()).isZero();
        assertThat(limit.waiting()).isZero();
    }
}
