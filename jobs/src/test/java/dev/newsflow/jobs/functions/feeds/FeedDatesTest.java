package dev.newsflow.jobs.functions.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Tue, 10 Jun 2003 04:00:00 GMT          | 2003-06-10T04:00:00Z",
                "Tue, 10 Jun 2003 04:00:00 +0200        | 2003-06-10T02:00:00Z",
                "Sat, 01 Jan 2010 19:48:21 GMT          | 2010-01-01T19:48:21Z",
                "10 Jun 2003 04:00 EDT                  | 2003-06-10T08:00:00Z",
                "Tuesday, 10 June 2003 04:00:00 PST     | 2003-06-10T12:00:00Z",
                "Sun, 10 Dec 17 13:01:36 -0800          | 2017-12-10T21:01:36Z",
                "'  Sat, 03 Jun 2017 15:15:44 -0500  '  | 2017-06-03T20:15:44Z",
                "Thu, 14 May 2020 10:00:18 Z            | 2020-05-14T10:00:18Z",
                "Mon, 5 Sept 2022 07:05:09 +0000 (UTC)  | 2022-09-05T07:05:09Z",
                "Seg, 24 Set 2018 19:42:40 -0300        | 2018-09-24T22:42:40Z",
                "Di, 3 Mär 2020 10:00:00 +0100          | 2020-03-03T09:00:00Z",
                "2003-12-31T10:14:55Z                   | 2003-12-31T10:14:55Z",
                "2003-12-31T10:14:55.123-05:00          | 2003-12-31T15:14:55.123Z",
                "2017-10-16 15:10:00 +0000              | 2017-10-16T15:10:00Z",
                "2003-12-31t10:14z                      | 2003-12-31T10:14:00Z",
                "2003-12-31                             | 2003-12-31T00:00:00Z",
                "Wed, 01 Jan 2025 10:00:00 UTC+02:00    | 2025-01-01T08:00:00Z",
                "03 Apr 02 1500 GMT                     | 2002-04-03T15:00:00Z"
            })
    void readsTheFormatsFeedsUse(String raw, String expected) {
        assertThat(FeedDates.parse(raw)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "2003-12-31T10:14:55",
                "Tue, 10 Jun 2003 04:00:00",
                "Tue, 10 Jun 2003 04:00:00 IST",
                "Tue, 10 Jun 2003 04:00:00 A",
                "2020/1/10 14:33:00",
                "1518478934",
                "\u03a4\u03c1\u03b9, 29 \u0399\u03bf\u03cd\u03bd 2004 12:53:00 GMT",
                "Tue, 31 Jun 2003 04:00:00 GMT",
                "2003-02-29T10:00:00Z",
                "Tue, 10 Jun 2003 25:00:00 GMT",
                "03 Apr 02 150 GMT",
                "2003-12-31T10:14:55+25:00",
                "soon",
                ""
            })
    void givesNullRatherThanAGuess(String raw) {
        assertThat(FeedDates.parse(raw)).isNull();
    }
}
