package dev.newsflow.jobs.source.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.jobs.functions.ingest.FeedSeed;
import dev.newsflow.schemas.FeedAction;
import dev.newsflow.schemas.FeedCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedSplitEnumeratorTest {

    private static final int PARALLELISM = 2;
    private static final List<FeedSeed> FEEDS =
            List.of(
                    FeedSeed.of("https://a.example/rss", null),
                    FeedSeed.of("https://a.example/atom", null),
                    FeedSeed.of("https://b.example/feed", "B News"),
                    FeedSeed.of("https://c.example/feed", null),
                    FeedSeed.of("https://d.example/feed", null));

    private final MockSplitEnumeratorContext<FeedSplit> context =
            new MockSplitEnumeratorContext<>(PARALLELISM);
    private final ScriptedControl control = new ScriptedControl();

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    @Test
    void initialFeedsGoToTheReaderOfTheirHostOnceItRegisters() {
        // Given
        FeedSplitEnumerator enumerator = enumerator(FeedEnumeratorState.initial());
        enumerator.start();
        assertThat(context.getSplitsAssignmentSequence()).isEmpty();

        // When: both readers register
        register(enumerator, 0);
        register(enumerator, 1);

        // Then: every feed is assigned exactly once, to the owner of its host
        Map<String, Integer> owners = assignedOwners();
        assertThat(owners.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        FEEDS.stream().map(FeedSeed::feedUrl).toList());
        owners.forEach(
                (url, owner) ->
                        assertThat(owner).isEqualTo(FeedAssignment.ownerOf(url, PARALLELISM)));
        assertThat(owners.get("https://a.example/rss"))
                .isEqualTo(owners.get("https://a.example/atom"));
        assertThat(owners.values()).containsOnly(0, 1).contains(0, 1);
    }

    @Test
    void feedsAddedAndRemovedOnTheControlTopicReachTheirReaders() throws Throwable {
        // Given
        FeedSplitEnumerator enumerator = enumerator(FeedEnumeratorState.initial());
        enumerator.start();
        register(enumerator, 0);
        register(enumerator, 1);
        int assignmentsBefore = context.getSplitsAssignmentSequence().size();

        // When: an ADD, a duplicate ADD, a REMOVE and a REMOVE of an unknown feed
        control.batches.add(
                new ControlBatch(
                        List.of(
                                command("https://e.example/new", FeedAction.ADD, "E"),
                                command("https://a.example/rss", FeedAction.ADD, null),
                                command("https://b.example/feed", FeedAction.REMOVE, null),
                                command("https://zzz.example/none", FeedAction.REMOVE, null)),
                        Map.of(0, 4L)));
        context.runPeriodicCallable(0);

        // Then
        List<SplitsAssignment<FeedSplit>> added =
                context.getSplitsAssignmentSequence()
                        .subList(assignmentsBefore, context.getSplitsAssignmentSequence().size());
        assertThat(added).hasSize(1);
        List<FeedSplit> newSplits = added.get(0).assignment().values().iterator().next();
        assertThat(newSplits)
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.feedUrl()).isEqualTo("https://e.example/new");
                            assertThat(s.source()).isEqualTo("E");
                        });
        int bOwner = FeedAssignment.ownerOf("https://b.example/feed", PARALLELISM);
        assertThat(context.getSentSourceEvent().get(bOwner))
                .filteredOn(FeedsRemoved.class::isInstance)
                .singleElement()
                .isEqualTo(new FeedsRemoved(List.of("https://b.example/feed#2")));
        FeedEnumeratorState state = enumerator.snapshotState(1);
        assertThat(state.active())
                .containsOnlyKeys(
                        "https://a.example/rss",
                        "https://a.example/atom",
                        "https://c.example/feed",
                        "https://d.example/feed",
                        "https://e.example/new");
        assertThat(state.controlOffsets()).isEqualTo(Map.of(0, 4L));
        assertThat(state.pending()).isEmpty();
    }

    @Test
    void aRestoredEnumeratorNeitherReseedsNorReplaysAndResumesAtTheCheckpointedOffsets()
            throws Throwable {
        // Given: a checkpoint after the seed and one control batch
        FeedSplitEnumerator first = enumerator(FeedEnumeratorState.initial());
        first.start();
        control.batches.add(
                new ControlBatch(
                        List.of(command("https://e.example/new", FeedAction.ADD, null)),
                        Map.of(0, 1L)));
        context.runPeriodicCallable(0);
        FeedEnumeratorState checkpoint = first.snapshotState(1);
        first.close();

        // When
        MockSplitEnumeratorContext<FeedSplit> restoredContext =
                new MockSplitEnumeratorContext<>(PARALLELISM);
        ScriptedControl restoredControl = new ScriptedControl();
        FeedSplitEnumerator restored =
                new FeedSplitEnumerator(
                        restoredContext, FEEDS, restoredControl, Duration.ofSeconds(1), checkpoint);
        restored.start();
        restoredContext.runPeriodicCallable(0);

        // Then: the seeded feeds are still pending (nobody registered), not seeded twice
        assertThat(restored.snapshotState(2).pending()).hasSize(FEEDS.size() + 1);
        assertThat(restored.snapshotState(2).nextGeneration()).isEqualTo(FEEDS.size() + 1);
        assertThat(restoredControl.openedAt).isEqualTo(Map.of(0, 1L));
        assertThat(control.openedAt).isEqualTo(Map.of());
        restoredContext.close();
    }

    @Test
    void aReturningReaderDropsWhatWasRemovedMeanwhileAndGetsBackItsUncheckpointedSplits()
            throws Throwable {
        // Given: all feeds assigned, then reader 1 fails before a checkpoint covered its splits
        FeedSplitEnumerator enumerator = enumerator(FeedEnumeratorState.initial());
        enumerator.start();
        register(enumerator, 0);
        register(enumerator, 1);
        List<FeedSplit> readerOne = assignedTo(1);
        assertThat(readerOne).isNotEmpty();
        context.unregisterReader(1);
        int assignmentsBefore = context.getSplitsAssignmentSequence().size();

        // When: one of its feeds is removed while it is down, and its splits come back
        FeedSplit removed = readerOne.get(0);
        control.batches.add(
                new ControlBatch(
                        List.of(command(removed.feedUrl(), FeedAction.REMOVE, null)), Map.of()));
        context.runPeriodicCallable(0);
        enumerator.addSplitsBack(readerOne, 1);
        register(enumerator, 1);

        // Then: it is told which feeds are active, and gets back all but the removed one
        ActiveFeeds active =
                (ActiveFeeds)
                        context.getSentSourceEvent().get(1).stream()
                                .filter(ActiveFeeds.class::isInstance)
                                .reduce((a, b) -> b)
                                .orElseThrow();
        assertThat(active.splitIds()).doesNotContain(removed.splitId()).hasSize(FEEDS.size() - 1);
        List<FeedSplit> reassigned = new ArrayList<>();
        context.getSplitsAssignmentSequence()
                .subList(assignmentsBefore, context.getSplitsAssignmentSequence().size())
                .forEach(a -> reassigned.addAll(a.assignment().getOrDefault(1, List.of())));
        assertThat(reassigned)
                .containsExactlyInAnyOrderElementsOf(readerOne.subList(1, readerOne.size()));
    }

    private FeedSplitEnumerator enumerator(FeedEnumeratorState state) {
        return new FeedSplitEnumerator(context, FEEDS, control, Duration.ofSeconds(1), state);
    }

    private void register(FeedSplitEnumerator enumerator, int subtask) {
        context.registerReader(new ReaderInfo(subtask, "localhost"));
        enumerator.addReader(subtask);
    }

    private Map<String, Integer> assignedOwners() {
        Map<String, Integer> owners = new HashMap<>();
        for (SplitsAssignment<FeedSplit> assignment : context.getSplitsAssignmentSequence()) {
            assignment
                    .assignment()
                    .forEach(
                            (owner, splits) ->
                                    splits.forEach(
                                            s -> {
                                                Integer previous = owners.put(s.feedUrl(), owner);
                                                assertThat(previous)
                                                        .as("assigned twice: %s", s)
                                                        .isNull();
                                            }));
        }
        return owners;
    }

    private List<FeedSplit> assignedTo(int subtask) {
        List<FeedSplit> splits = new ArrayList<>();
        context.getSplitsAssignmentSequence()
                .forEach(a -> splits.addAll(a.assignment().getOrDefault(subtask, List.of())));
        return splits;
    }

    private static FeedCommand command(String url, FeedAction action, String source) {
        return FeedCommand.newBuilder()
                .setFeedUrl(url)
                .setAction(action)
                .setSource(source)
                .setIssuedAt(Instant.parse("2026-11-20T10:00:00Z"))
                .build();
    }

    /** A control topic double: hands out queued batches and records where it was opened. */
    private static final class ScriptedControl implements FeedControl, FeedControl.Factory {
        final Queue<ControlBatch> batches = new ArrayDeque<>();
        Map<Integer, Long> openedAt;

        @Override
        public FeedControl open(Map<Integer, Long> startOffsets) {
            openedAt = startOffsets;
            return this;
        }

        @Override
        public ControlBatch poll() {
            ControlBatch next = batches.poll();
            return next == null ? ControlBatch.EMPTY : next;
        }

        @Override
        public void close() {}
    }
}
