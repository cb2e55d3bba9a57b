package dev.newsflow.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Query parameters of /api/stories and /api/stats/volume: defaults, bounds and 400s. */
class DashboardRequestsTest {

    @Test
    void storiesDefaultToTenAndADay() {
        assertThat(StoriesRequest.fromParams(Map.of()))
                .isEqualTo(new StoriesRequest(10, Duration.ofHours(24)));
        assertThat(
                        StoriesRequest.fromParams(
                                Map.of("limit", List.of(" 3 "), "window", List.of("7d"))))
                .isEqualTo(new StoriesRequest(3, Duration.ofDays(7)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "limit|0|'limit' must be an integer between 1 and 50",
                "limit|51|'limit' must be an integer between 1 and 50",
                "limit|ten|'limit' must be an integer between 1 and 50, was 'ten'",
                "window|90m|'window' must be a duration in hours or days (e.g. 6h, 7d) from 1h to 30d",
                "window|31d|from 1h to 30d, was '31d'",
                "window|0h|from 1h to 30d",
                "size|5|unknown query parameter(s) [size]; /api/stories accepts [limit, window]"
            })
    void badStoriesParametersAre400(String name, String value, String message) {
        assertThatThrownBy(() -> StoriesRequest.fromParams(Map.of(name, List.of(value))))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining(message);
    }

    @Test
    void volumeDefaultsToAWeekOfDaysAndHoursForShortWindows() {
        assertThat(VolumeRequest.fromParams(Map.of()))
                .isEqualTo(
                        new VolumeRequest(
                                Duration.ofDays(7), Duration.ofDays(1), 8, "publishedAt"));
        assertThat(
                        VolumeRequest.fromParams(
                                Map.of("window", List.of("48h"), "time", List.of("enrichedAt"))))
                .isEqualTo(
                        new VolumeRequest(
                                Duration.ofHours(48), Duration.ofHours(1), 8, "enrichedAt"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "window|91d|'window' must be a duration in hours or days",
                "interval|30m|'interval' must be a duration",
                "interval|8d|'interval' must be a duration",
                "top|21|'top' must be an integer between 1 and 20",
                "time|fetchedAt|'time' must be one of publishedAt, enrichedAt",
                "by|source|unknown query parameter(s) [by]"
            })
    void badVolumeParametersAre400(String name, String value, String message) {
        assertThatThrownBy(() -> VolumeRequest.fromParams(Map.of(name, List.of(value))))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining(message);
    }

    @Test
    void anIntervalLongerThanTheWindowOrTooManyBucketsIs400() {
        assertThatThrownBy(
                        () ->
                                VolumeRequest.fromParams(
                                        Map.of("window", List.of("1d"), "interval", List.of("2d"))))
                .hasMessageContaining("'interval' must not be longer than 'window'");
        assertThatThrownBy(
                        () ->
                                VolumeRequest.fromParams(
                                        Map.of(
                                                "window",
                                                List.of("90d"),
                                                "interval",
                                                List.of("1h"))))
                .hasMessageContaining("more than 500 buckets");
    }

    @Test
    void durationsAreWholeHoursOrDays() {
        assertThat(DashboardParams.parseDuration("6h")).isEqualTo(Duration.ofHours(6));
        assertThat(DashboardParams.parseDuration("14d")).isEqualTo(Duration.ofDays(14));
        assertThat(DashboardParams.parseDuration("PT6H")).isNull();
        assertThat(DashboardParams.parseDuration("-1h")).isNull();
        assertThat(DashboardParams.format(Duration.ofDays(30))).isEqualTo("30d");
        assertThat(DashboardParams.format(Duration.ofHours(36))).isEqualTo("36h");
    }
}
