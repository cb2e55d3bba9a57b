package dev.newsflow.benchmarks.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.benchmarks.dedup.NearDuplicateEvaluation.KindResult;
import dev.newsflow.benchmarks.dedup.NearDuplicateEvaluation.Result;
import dev.newsflow.benchmarks.dedup.NearDuplicateEvaluation.Setting;
import dev.newsflow.jobs.config.DedupConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NearDuplicateBenchmarkTest {

    static final List<String> STORIES =
            List.of(
                    "The harbour authority confirmed on Monday that the new ferry terminal will"
                            + " open in March, two years late. Dredging the silted approach channel"
                            + " took fourteen months and added forty million euros to the bill. Two"
                            + " electric ferries will run to the islands every half hour at peak"
                            + " times. Shops near the old pier fear that footfall will fall sharply"
                            + " once the sailings move, and have asked the council for help.",
                    "Heavy rain flooded dozens of homes in the lower valley overnight and closed"
                            + " the main road between the two towns for most of Tuesday. The river"
                            + " rose by almost two metres in twelve hours. Fire crews used boats to"
                            + " reach residents trapped upstairs along the lane by the mill. A rest"
                            + " centre opened at the community hall, where volunteers handed out"
                            + " blankets.",
                    "Shares in the chipmaker rose nine per cent after quarterly revenue beat"
                            + " forecasts by a wide margin. Revenue climbed to three billion dollars,"
                            + " driven by processors for data centres, and margins widened as memory"
                            + " prices fell. The finance chief warned that advanced packaging remains"
                            + " scarce and said the company will build new capacity abroad next"
                            + " year.");

    private static Path dataset(Path dir) throws Exception {
        Path summarization = Files.createDirectories(dir.resolve("summarization"));
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < STORIES.size(); i++) {
            jsonl.append("{\"id\": \"s")
                    .append(i)
                    .append("\", \"article\": \"")
                    .append(STORIES.get(i))
                    .append("\"}\n");
        }
        jsonl.append("{\"id\": \"short\", \"article\": \"Too short to count.\"}\n");
        Files.writeString(summarization.resolve("cnndm-dev.jsonl"), jsonl);
        return dir;
    }

    @Test
    void theEvaluationSetPairsEveryOriginalWithEachAlterationAndWithTheOthers(@TempDir Path dir)
            throws Exception {
        List<Corpus.Original> originals = Corpus.load(dataset(dir));
        EvaluationSet set = EvaluationSet.build(originals);

        assertThat(originals)
                .extracting(Corpus.Original::id)
                .containsExactly("cnndm:s0", "cnndm:s1", "cnndm:s2");
        assertThat(set.pairs())
                .filteredOn(EvaluationSet.Pair::duplicate)
                .hasSize(3 * Alteration.values().length);
        assertThat(set.pairs())
                .filteredOn(p -> p.kind().equals(EvaluationSet.SAME_TOPIC))
                .hasSize(1);
        assertThat(set.pairs()).filteredOn(p -> p.kind().equals(EvaluationSet.DISTINCT)).hasSize(2);
        assertThat(set.pairs())
                .filteredOn(p -> p.kind().equals(EvaluationSet.SAME_SITE))
                .hasSize(3);
    }

    @Test
    void theDefaultsCatchLightCopiesAndNeverJoinDistinctStories(@TempDir Path dir)
            throws Exception {
        EvaluationSet set = EvaluationSet.build(Corpus.load(dataset(dir)));
        Setting setting = Setting.of(DedupConfig.defaults());
        Map<String, int[]> signatures =
                NearDuplicateEvaluation.signatures(set.texts(), setting.minHash());

        Result result = NearDuplicateEvaluation.evaluate(set, setting, signatures, true);

        assertThat(result.falsePositives()).isZero();
        // (a rewritten lead is a third of these short stories, so LEAD_EDIT is not among them)
        for (String light : List.of("BOILERPLATE", "COPY_EDITS", "REORDER", "TRUNCATE_70")) {
            KindResult kind =
                    result.kinds().stream()
                            .filter(k -> k.kind().equals(light))
                            .findFirst()
                            .orElseThrow();
            assertThat(kind.predicted()).as(light).isEqualTo(kind.pairs());
            assertThat(kind.meanTrue()).as(light).isBetween(0.45, 1.0);
            assertThat(kind.meanEstimate())
                    .as(light)
                    .isBetween(kind.meanTrue() - 0.1, kind.meanTrue() + 0.1);
        }
        assertThat(result.overall().precision()).isEqualTo(1.0);
    }

    @Test
    void theReportHasEveryTableAndTheThroughput(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        NearDuplicateBenchmark.run(
                dataset(dir), new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ZERO);

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("3 real articles", "24 duplicate pairs (8 alterations), 6 distinct pairs")
                .contains(
                        "## Default configuration: 3-word shingles, 128 hashes, 42 bands × 3 rows")
                .contains("| TRUNCATE_50 | 3 |", "| **all** |")
                .contains(
                        "## Sweep: LSH bands",
                        "## Sweep: shingle size",
                        "## Sweep: signature length")
                .contains("| 3 | 128 | 42 × 3 | 0.45 |")
                .containsPattern("128 hashes, 42 bands: \\d+ articles/s");
    }

    @Test
    void scoresFollowTheirDefinitions() {
        Scores scores = new Scores(8, 2, 8);

        assertThat(scores.precision()).isEqualTo(0.8);
        assertThat(scores.recall()).isEqualTo(0.5);
        assertThat(scores.f1()).isEqualTo(2 * 0.8 * 0.5 / 1.3);
        assertThat(new Scores(0, 0, 0).f1()).isEqualTo(1.0);
    }
}
