package dev.newsflow.jobs.functions.fetch;

import java.time.Duration;

/** Named policies for fetcher tests: short timeouts, loopback allowed for the local server. */
final class TestPolicies {

    private TestPolicies() {}

    static FetchPolicy.Builder loopback() {
        return FetchPolicy.builder()
                .allowLoopback(true)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5))
                .totalTimeout(Duration.ofSeconds(20));
    }
}
