package dev.newsflow.query.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Article volume over time for the analyst dashboard: one OpenSearch request with date histograms
 * of all articles, of the top sources ({@code source}) and of the top topics ({@code keywords}),
 * mapped onto one shared time axis so that every series has a count for every bucket.
 */
public final class VolumeQueries {

    /**
     * The time axis: bucket starts from {@code from} rounded down to a whole interval (since the
     * epoch, as OpenSearch's {@code fixed_interval} aligns them) up to {@code to}.
     */
    public record Axis(Instant from, Instant to, Duration interval) {

        public List<Long> starts() {
            long step = interval.toMillis();
            long first = Math.floorDiv(from.toEpochMilli(), step) * step;
            List<Long> starts = new ArrayList<>();
            for (long t = first; t <= to.toEpochMilli(); t += step) {
                starts.add(t);
            }
            return starts;
        }

        Instant alignedFrom() {
            return Instant.ofEpochMilli(starts().get(0));
        }
    }

    private VolumeQueries() {}

    /** Counts of articles whose {@code timeField} lies on the axis, in total and per top term. */
    public static JsonObject request(Axis axis, String timeField, int top) {
        JsonObject histogram =
                new JsonObject()
                        .put(
                                "date_histogram",
                                new JsonObject()
                                        .put("field", timeField)
                                        .put("fixed_interval", axis.interval().toMillis() + "ms")
                                        .put("min_doc_count", 1));
        JsonObject range =
                new JsonObject()
                        .put(
                                "range",
                                new JsonObject()
                                        .put(
                                                timeField,
                                                new JsonObject()
                                                        .put("gte", axis.alignedFrom().toString())
                                                        .put("lte", axis.to().toString())));
        return new JsonObject()
                .put("size", 0)
                .put("track_total_hits", true)
                .put(
                        "query",
                        new JsonObject()
                                .put(
                                        "bool",
                                        new JsonObject().put("filter", new JsonArray().add(range))))
                .put(
                        "aggs",
                        new JsonObject()
                                .put("all", histogram)
                                .put("sources", terms("source", top, histogram))
                                .put("topics", terms("keywords", top, histogram)));
    }

    /** The answer to {@link #request} as series of counts, one count per bucket of the axis. */
    public static JsonObject response(Axis axis, JsonObject answer) {
        List<Long> starts = axis.starts();
        JsonObject aggs = answer.getJsonObject("aggregations", new JsonObject());
        JsonArray buckets = new JsonArray();
        starts.forEach(t -> buckets.add(Instant.ofEpochMilli(t).toString()));
        return new JsonObject()
                .put("from", buckets.getString(0))
                .put("to", axis.to().toString())
                .put("interval", axis.interval().toString())
                .put("buckets", buckets)
                .put("total", counts(starts, aggs.getJsonObject("all", new JsonObject())))
                .put("bySource", series(starts, aggs.getJsonObject("sources", new JsonObject())))
                .put("byTopic", series(starts, aggs.getJsonObject("topics", new JsonObject())));
    }

    private static JsonArray series(List<Long> starts, JsonObject termsAgg) {
        JsonArray series = new JsonArray();
        for (Object b : termsAgg.getJsonArray("buckets", new JsonArray())) {
            JsonObject bucket = (JsonObject) b;
            series.add(
                    new JsonObject()
                            .put("key", bucket.getString("key"))
                            .put("articles", bucket.getLong("doc_count", 0L))
                            .put("counts", counts(starts, bucket.getJsonObject("over_time"))));
        }
        return series;
    }

    /** Doc counts by bucket start, zero where the histogram has no bucket. */
    static JsonArray counts(List<Long> starts, JsonObject histogram) {
        Map<Long, Long> byStart = new HashMap<>();
        JsonObject h = histogram == null ? new JsonObject() : histogram;
        for (Object b : h.getJsonArray("buckets", new JsonArray())) {
            JsonObject bucket = (JsonObject) b;
            byStart.put(bucket.getLong("key"), bucket.getLong("doc_count", 0L));
        }
        JsonArray counts = new JsonArray();
        starts.forEach(t -> counts.add(byStart.getOrDefault(t, 0L)));
        return counts;
    }

    private static JsonObject terms(String field, int top, JsonObject histogram) {
        return new JsonObject()
                .put("terms", new JsonObject().put("field", field).put("size", top))
                .put("aggs", new JsonObject().put("over_time", histogram));
    }
}
