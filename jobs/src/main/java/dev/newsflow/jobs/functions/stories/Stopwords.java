package dev.newsflow.jobs.functions.stories;

import java.util.Set;

/**
 * Words that never make a keyword on their own: English function words, the verbs and nouns of news
 * reporting ("said", "according", "reported"), titles, weekdays and months. Lower case.
 */
final class Stopwords {

    private Stopwords() {}

    private static Set<String> words(String block) {
        return Set.of(block.trim().split("\\s+"));
    }

    /** Never a keyword on its own. */
    static boolean contains(String lower) {
        return FUNCTION_WORDS.contains(lower)
                || NAME_BREAKERS.contains(lower)
                || NEWS_WORDS.contains(lower);
    }

    /**
     * Never part of a name even when capitalised: function words, titles, weekdays and months ("On
     * Monday Boris Johnson" holds the name "Boris Johnson"). News words may be ("New York", "Fox
     * News", "First Lady").
     */
    static boolean breaksName(String lower) {
        return FUNCTION_WORDS.contains(lower) || NAME_BREAKERS.contains(lower);
    }

    private static final Set<String> FUNCTION_WORDS =
            words(
                    """
                    a about above after again against all almost along already also although always am
                    among an and another any are around as at away back be became because become been
                    before being below between both but by can cannot could did do does doing done down
                    during each either else enough even ever every few for from further get gets got had
                    has have having he her here hers herself him himself his how however i if in into is
                    it its itself just least less like made make many may me might more most much must
                    my myself neither never no nor not now of off often on once one only or other others
                    our ours out over own per perhaps quite rather really same several she should since
                    so some still such than that the their theirs them themselves then there these they
                    this those though through thus to too toward towards under until up upon us very was
                    we well were what whatever when where whether which while who whom whose why will
                    with within without would yet you your yours yourself it's don't didn't doesn't
                    isn't wasn't can't won't we're they're i'm that's there's he's she's
                    """);

    private static final Set<String> NEWS_WORDS =
            words(
                    """
                    according added asked announced called claimed comment first going know last later
                    new next news people read report reported reports say said saying says see set take
                    taken tell thing things think three time times told two way week weeks went year
                    years year-old yesterday today tomorrow day days month months want wants use used
                    using go come came look need good great big lot part via image photo video getty
                    images reuters ap
                    """);

    private static final Set<String> NAME_BREAKERS =
            words(
                    """
                    mr mrs ms dr sir madam monday tuesday wednesday thursday friday saturday sunday
                    january february march april june july august september october november december
                    """);
}
