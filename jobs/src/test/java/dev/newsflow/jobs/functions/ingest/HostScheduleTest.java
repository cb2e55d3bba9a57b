package dev.newsflow.jobs.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostScheduleTest {

    private static final Instant T0 = Instant.parse("2026-11-20T12:00:00Z");
    private final HostSchedule hosts = new HostSchedule(Duration.ofSeconds(2));

    @Test
    void oneRequestPerHostAtATimeWithAPauseAfterEach() {
        // Given: a request to a.example in flight
        assertThat(hosts.tryAcquire("a.example", T0)).isTrue();

        // Then: a.example is busy, b.example is not
        assertThat(hosts.readyAt("a.example")).isNull();
        assertThat(hosts.tryAcquire("a.example", T0)).isFalse();
        assertThat(hosts.tryAcquire("b.example", T0)).isTrue();

        // When: the request ends, the host is free again only after the pause
        hosts.release("a.example", T0.plusSeconds(1));
        assertThat(hosts.readyAt("a.example")).isEqualTo(T0.plusSeconds(3));
        assertThat(hosts.tryAcquire("a.example", T0.plusSeconds(2))).isFalse();
        assertThat(hosts.tryAcquire("a.example", T0.plusSeconds(3))).isTrue();
    }

    @Test
    void aThrottledHostIsLeftAloneUntilItsRetryAfter() {
        hosts.blockUntil("a.example", T0.plusSeconds(60));
        hosts.blockUntil("a.example", T0.plusSeconds(10)); // an earlier time does not shorten it

        assertThat(hosts.readyAt("a.example")).isEqualTo(T0.plusSeconds(60));
        assertThat(hosts.tryAcquire("a.example", T0.plusSeconds(59))).isFalse();
        assertThat(hosts.tryAcquire("a.example", T0.plusSeconds(60))).isTrue();
    }

    @Test
    void idleHostsAreForgottenOnceFree() {
        hosts.tryAcquire("a.example", T0);
        hosts.release("a.example", T0);
        hosts.tryAcquire("b.example", T0);

        hosts.prune(T0.plusSeconds(1));
        assertThat(hosts.size()).isEqualTo(2); // a is still pausing, b is busy

        hosts.prune(T0.plusSeconds(2));
        assertThat(hosts.size()).isEqualTo(1);
        assertThat(hosts.readyAt("a.example")).isEqualTo(Instant.EPOCH);
        assertThat(hosts.readyAt("b.example")).isNull();
    }
}
