package dev.newsflow.jobs.functions.feeds;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates feeds write (RFC 822/1123/2822 in RSS, ISO 8601/RFC 3339 in Atom and Dublin Core,
 * and each in the other's place) into instants. Lenient with form, never with meaning: a wrong day
 * name, a missing comma, seconds or colon ("1500 GMT"), a two-digit year, month names in the main
 * European languages, extra spaces and a trailing comment are accepted. A date-time whose zone is
 * missing or cannot be known (an ambiguous abbreviation such as IST, a military letter), a bare
 * number or an impossible value gives null rather than a guess; a date without a time is that day
 * at 00:00 UTC.
 */
public final class FeedDates {

    private static final Pattern ISO =
            Pattern.compile(
                    "(\\d{4})-(\\d{2})-(\\d{2})(?:[Tt ]+(\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
                            + "\\s*(.*))?");
    private static final Pattern RFC822 =
            Pattern.compile(
                    "(?:\\p{L}+\\.?\\s*,?\\s*)?(\\d{1,2})\\.?[\\s-]+(\\p{L}+)\\.?,?[\\s-]+(\\d{4}|\\d{2})"
                            + ",?(?:\\s+|T)(\\d{2}(?=\\d{2})|\\d{1,2}(?=:)):?(\\d{2})(?::(\\d{2}))?"
                            + "(?:\\.\\d+)?\\s*(.*)");
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2}):?(\\d{2})?");
    private static final Map<String, Integer> MONTHS = months();
    private static final Map<String, Integer> ZONES =
            Map.ofEntries(
                    Map.entry("Z", 0),
                    Map.entry("UT", 0),
                    Map.entry("UTC", 0),
                    Map.entry("GMT", 0),
                    Map.entry("WET", 0),
                    Map.entry("EST", -5),
                    Map.entry("EDT", -4),
                    Map.entry("CST", -6),
                    Map.entry("CDT", -5),
                    Map.entry("MST", -7),
                    Map.entry("MDT", -6),
                    Map.entry("PST", -8),
                    Map.entry("PDT", -7),
                    Map.entry("AKST", -9),
                    Map.entry("AKDT", -8),
                    Map.entry("HST", -10),
                    Map.entry("WEST", 1),
                    Map.entry("CET", 1),
                    Map.entry("CEST", 2),
                    Map.entry("MET", 1),
                    Map.entry("MEST", 2),
                    Map.entry("EET", 2),
                    Map.entry("EEST", 3),
                    Map.entry("MSK", 3),
                    Map.entry("JST", 9),
                    Map.entry("KST", 9),
                    Map.entry("AEST", 10),
                    Map.entry("AEDT", 11),
                    Map.entry("NZST", 12),
                    Map.entry("NZDT", 13));

    private FeedDates() {}

    /** The instant a feed date denotes, or null when it cannot be read without guessing. */
    public static Instant parse(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip().replaceAll("\\s+", " ");
        try {
            Matcher iso = ISO.matcher(text);
            if (iso.matches()) {
                return iso(iso);
            }
            Matcher rfc = RFC822.matcher(text);
            if (rfc.matches()) {
                return rfc822(rfc);
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static Instant iso(Matcher m) {
        LocalDate date = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
        if (m.group(4) == null) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        int nanos = 0;
        if (m.group(7) != null) {
            nanos = Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
        }
        LocalTime time = LocalTime.of(num(m, 4), num(m, 5), opt(m, 6), nanos);
        ZoneOffset offset = offset(m.group(8));
        return offset == null ? null : LocalDateTime.of(date, time).toInstant(offset);
    }

    private static Instant rfc822(Matcher m) {
        Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (month == null) {
            return null;
        }
        int year = num(m, 3);
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900; // RFC 2822, section 4.3
        }
        LocalDateTime local =
                LocalDateTime.of(year, month, num(m, 1), num(m, 4), num(m, 5), opt(m, 6));
        ZoneOffset offset = offset(m.group(7));
        return offset == null ? null : local.toInstant(offset);
    }

    /** The offset a zone designator denotes, or null when it is missing or unknown. */
    static ZoneOffset offset(String designator) {
        String zone = designator == null ? "" : designator.replaceAll("\\(.*\\)", "").strip();
        String upper = zone.toUpperCase(Locale.ROOT);
        for (String utc : List.of("GMT", "UTC", "UT")) {
            if (upper.startsWith(utc)
                    && upper.length() > utc.length()
                    && (upper.charAt(utc.length()) == '+' || upper.charAt(utc.length()) == '-')) {
                upper = upper.substring(utc.length());
                break;
            }
        }
        Matcher m = OFFSET.matcher(upper);
        if (m.matches()) {
            int hours = Integer.parseInt(m.group(2));
            int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (hours > 18 || minutes > 59) {
                return null;
            }
            int seconds = (hours * 3600 + minutes * 60) * ("-".equals(m.group(1)) ? -1 : 1);
            return ZoneOffset.ofTotalSeconds(seconds);
        }
        Integer hours = ZONES.get(upper);
        return hours == null ? null : ZoneOffset.ofHours(hours);
    }

    /**
     * Month names and abbreviations in English, French, German, Dutch, Spanish, Italian and
     * Portuguese; none of them names two different months.
     */
    private static Map<String, Integer> months() {
        List<String> names =
                List.of(
                        "jan january janv janvier jän jänner januar januari ene enero gen gennaio"
                                + " janeiro",
                        "feb february fév févr février fev fevereiro febrero febbraio februar"
                                + " februari",
                        "mar march mars mär märz mrz maart mrt marzo março",
                        "apr april avr avril abr abril aprile",
                        "may mai mei mayo maggio maio",
                        "jun june juin juni junio giu giugno junho",
                        "jul july juil juillet juli julio lug luglio julho",
                        "aug august aoû août augustus ago agosto",
                        "sep sept september septembre septiembre set settembre setembro",
                        "oct october octobre okt oktober octubre ott ottobre out outubro",
                        "nov november novembre noviembre novembro",
                        "dec december déc décembre dez dezember dic diciembre dicembre dezembro");
        Map<String, Integer> months = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            for (String name : names.get(i).split(" ")) {
                if (months.put(name, i + 1) != null) {
                    throw new IllegalStateException("month name twice: " + name);
                }
            }
        }
        return Map.copyOf(months);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int opt(Matcher m, int group) {
        return m.group(group) == null ? 0 : Integer.parseInt(m.group(group));
    }
}
