package dev.newsflow.query.feed;

import dev.newsflow.query.config.FeedConfig;
import dev.newsflow.query.search.ArticleSearch;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One page of a user's feed, all asynchronous on OpenSearch: the persona by realtime GET, then
 * candidates by kNN per interest centroid and profile vector (or by importance on a cold start) in
 * parallel, then ranking and MMR in memory, then the source counts of the page's stories in one
 * request.
 */
public final class PersonalFeed {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalFeed.class);

    private final ArticleSearch search;
    private final String personasAlias;
    private final String storiesAlias;
    private final FeedConfig config;
    private final FeedRanker ranker;
    private final Clock clock;

    public PersonalFeed(
            ArticleSearch search,
            String personasAlias,
            String storiesAlias,
            FeedConfig config,
            Clock clock) {
        this.search = search;
        this.personasAlias = personasAlias;
        this.storiesAlias = storiesAlias;
        this.config = config;
        this.ranker = new FeedRanker(config);
        this.clock = clock;
    }

    public Future<JsonObject> page(FeedRequest request) {
        return search.document(personasAlias, request.userId())
                .map(
                        doc ->
                                doc.map(
                                                source ->
                                                        FeedPersona.fromDocument(
                                                                request.userId(), source))
                                        .orElseGet(() -> FeedPersona.none(request.userId())))
                .compose(persona -> page(request, persona));
    }

    private Future<JsonObject> page(FeedRequest request, FeedPersona persona) {
        FeedCursor cursor =
                request.cursor() != null
                        ? request.cursor()
                        : FeedCursor.first(persona.version(), clock.instant());
        List<Future<List<Candidate>>> calls = new ArrayList<>();
        for (JsonObject query : queries(persona, cursor.asOf(), request.language())) {
            calls.add(search.rawSearch(search.alias(), query).map(PersonalFeed::candidates));
        }
        return Future.all(calls)
                .compose(
                        all -> {
                            List<List<Candidate>> lists = new ArrayList<>();
                            calls.forEach(call -> lists.add(call.result()));
                            return rank(request, persona, cursor, FeedRanker.merge(lists));
                        });
    }

    List<JsonObject> queries(FeedPersona persona, Instant asOf, String language) {
        Instant from = asOf.minus(config.recencyWindow());
        int k = config.candidatesPerCentroid();
        if (!persona.personal()) {
            return List.of(
                    FeedQueries.byImportance(
                            k * FeedQueries.COLD_START_POOL_FACTOR, from, asOf, language));
        }
        List<JsonObject> queries = new ArrayList<>();
        persona.queryVectors()
                .forEach(v -> queries.add(FeedQueries.knn(v, k, from, asOf, language)));
        return queries;
    }

    private Future<JsonObject> rank(
            FeedRequest request, FeedPersona persona, FeedCursor cursor, List<Candidate> all) {
        Set<Integer> shown = cursor.shownSet();
        List<Candidate> earlier =
                all.stream().filter(c -> shown.contains(FeedCursor.fingerprint(c.id()))).toList();
        int limit = Math.min(request.limit(), FeedCursor.MAX_SHOWN - cursor.shown().size());
        List<Mmr.Pick> picks =
                Mmr.select(
                        ranker.rank(all, persona, cursor),
                        earlier,
                        limit,
                        config.mmrLambda(),
                        config.perSourceCap());
        List<String> ids = picks.stream().map(p -> p.scored().candidate().id()).toList();
        String next =
                picks.size() < request.limit()
                                || cursor.shown().size() + ids.size() >= FeedCursor.MAX_SHOWN
                        ? null
                        : cursor.after(ids).encode();
        return storySources(picks)
                .map(sources -> FeedPage.toJson(persona, picks, sources, config, next));
    }

    /** Best effort: without the counts the items still go out, saying "top story". */
    private Future<Map<String, Integer>> storySources(List<Mmr.Pick> picks) {
        Set<String> storyIds = new LinkedHashSet<>();
        picks.forEach(
                p -> {
                    String storyId = p.scored().candidate().storyId();
                    if (storyId != null) {
                        storyIds.add(storyId);
                    }
                });
        if (storyIds.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        return search.rawSearch(storiesAlias, FeedQueries.stories(storyIds))
                .map(PersonalFeed::sourceCounts)
                .recover(
                        e -> {
                            LOG.warn(
                                    "Feed: no source counts for {} stories from '{}': {}",
                                    storyIds.size(),
                                    storiesAlias,
                                    e.getMessage());
                            return Future.succeededFuture(Map.of());
                        });
    }

    static List<Candidate> candidates(JsonObject response) {
        List<Candidate> candidates = new ArrayList<>();
        for (Object hit : hits(response)) {
            candidates.add(Candidate.fromHit((JsonObject) hit));
        }
        return candidates;
    }

    static Map<String, Integer> sourceCounts(JsonObject response) {
        Map<String, Integer> counts = new HashMap<>();
        for (Object element : hits(response)) {
            JsonObject source = ((JsonObject) element).getJsonObject("_source", new JsonObject());
            Integer count = source.getInteger("sourceCount");
            if (source.getString("storyId") != null && count != null) {
                counts.put(source.getString("storyId"), count);
            }
        }
        return counts;
    }

    private static JsonArray hits(JsonObject response) {
        return response.getJsonObject("hits", new JsonObject())
                .getJsonArray("hits", new JsonArray());
    }
}
