package dev.newsflow.jobs.functions.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishedTimeTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2025-03-04T09:30:00Z           | 2025-03-04T09:30:00Z",
                "2025-03-04T09:30:00.250+01:00  | 2025-03-04T08:30:00.250Z",
                "2025-03-04T09:30:00+0100       | 2025-03-04T08:30:00Z",
                "2025-03-04T09:30-05            | 2025-03-04T14:30:00Z",
                "2025-03-04 09:30:00 UTC        | 2025-03-04T09:30:00Z",
                "2025-03-04T09:30:00+01:00[Europe/Paris] | 2025-03-04T08:30:00Z",
                "2025-03-04                     | 2025-03-04T00:00:00Z",
                "Tue, 4 Mar 2025 09:30:00 GMT   | 2025-03-04T09:30:00Z",
            })
    void parsesTimestampsThatStateTheirZone(String raw, String expected) {
        assertThat(PublishedTime.parse(raw)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2025-03-04T09:30:00",
                "2025-03-04 09:30",
                "4 March 2025",
                "yesterday",
                "2025-13-40",
                "0001-01-01T00:00:00Z",
                " "
            })
    void rejectsLocalTimesAndNonsense(String raw) {
        assertThat(PublishedTime.parse(raw)).isNull();
    }
}
