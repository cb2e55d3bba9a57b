package dev.newsflow.jobs.functions.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * When a page says its article was published, as an instant. Values are parsed leniently (ISO-8601
 * with {@code T} or a space, offsets with or without a colon, RFC 1123), but a time is never given
 * a zone it does not state: a date alone is the start of that day in UTC, a local date-time without
 * offset is unusable and the next source is asked.
 */
final class PublishedTime {

    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_DATE_TIME =
            Pattern.compile(
                    "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?)\\s*(.*)");
    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2}):?(\\d{2})?");
    private static final int MIN_YEAR = 1900;

    private PublishedTime() {}

    static Instant of(Document doc, List<JsonNode> jsonLd) {
        Instant t = first(doc, "meta[property=article:published_time]");
        if (t != null) {
            return t;
        }
        for (JsonNode node : jsonLd) {
            JsonNode date = node.get("datePublished");
            t = date != null && date.isTextual() ? parse(date.asText()) : null;
            if (t != null) {
                return t;
            }
        }
        for (String selector :
                List.of(
                        "[itemprop=datePublished]",
                        "article time[datetime]",
                        "meta[name=date], meta[name=pubdate], meta[name=DC.date],"
                                + " meta[name=DC.date.issued]")) {
            t = first(doc, selector);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static Instant first(Document doc, String selector) {
        for (Element e : doc.select(selector)) {
            String value =
                    e.hasAttr("content")
                            ? e.attr("content")
                            : e.hasAttr("datetime") ? e.attr("datetime") : e.text();
            Instant t = parse(value);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** The instant a timestamp denotes, or {@code null} if it is unparseable or has no zone. */
    static Instant parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        try {
            Instant t;
            if (DATE_ONLY.matcher(s).matches()) {
                t = LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                Matcher iso = ISO_DATE_TIME.matcher(s);
                t = iso.matches() ? isoDateTime(iso) : rfc1123(s);
            }
            // Millisecond precision, as the Avro records carry it.
            return t == null || t.atOffset(ZoneOffset.UTC).getYear() < MIN_YEAR
                    ? null
                    : t.truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeException unparseable) {
            return null;
        }
    }

    private static Instant isoDateTime(Matcher iso) {
        String zone = iso.group(3).strip();
        String offset;
        if (zone.isEmpty()) {
            return null; // A local time: the page's zone is unknown and guessing shifts it by
            // hours.
        } else if (zone.equalsIgnoreCase("Z")
                || zone.equalsIgnoreCase("UTC")
                || zone.equalsIgnoreCase("GMT")) {
            offset = "Z";
        } else {
            Matcher m = COMPACT_OFFSET.matcher(zone);
            if (m.matches()) {
                offset = m.group(1) + ":" + (m.group(2) == null ? "00" : m.group(2));
            } else if (zone.matches("[+-]\\d{2}:\\d{2}\\[.+]")) {
                String text = iso.group(1) + "T" + iso.group(2).replace(',', '.') + zone;
                return ZonedDateTime.parse(text, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
            } else {
                return null;
            }
        }
        String text = iso.group(1) + "T" + iso.group(2).replace(',', '.') + offset;
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    private static Instant rfc1123(String s) {
        return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }
}
