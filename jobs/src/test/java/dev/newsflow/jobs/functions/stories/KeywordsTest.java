package dev.newsflow.jobs.functions.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordsTest {

    private static final String QUAKE_TITLE =
            "Magnitude 6.8 earthquake strikes off northern Chile, tsunami warning lifted";

    private static final String QUAKE_TEXT =
            """
            A magnitude 6.8 earthquake struck off the coast of northern Chile on Tuesday, shaking \
            buildings in the port city of Iquique, the US Geological Survey said.

            The quake hit at a depth of 35 km about 60 km north-west of Iquique. Chile's National \
            Disaster Prevention and Response Service ordered the evacuation of coastal areas, \
            then lifted the tsunami warning two hours later.

            Iquique mayor Mauricio Soria said there were no reports of serious damage. Power was \
            cut to about 12,000 homes, according to the energy company CGE.

            Chile is one of the most seismically active countries in the world. In 2014, a \
            magnitude 8.2 earthquake off Iquique killed six people.""";

    @Test
    void findsTheNamesAndTermsANewsReaderWouldPick() {
        List<String> keywords = Keywords.of(QUAKE_TITLE, QUAKE_TEXT);

        assertThat(keywords).hasSize(Keywords.DEFAULT_LIMIT);
        assertThat(keywords.subList(0, 4))
                .containsExactlyInAnyOrder("chile", "iquique", "earthquake", "magnitude");
        assertThat(keywords).contains("tsunami", "us geological survey");
        assertThat(keywords).allSatisfy(k -> assertThat(k).isLowerCase());
        assertThat(keywords).doesNotContain("said", "the", "tuesday", "according", "the quake");
    }

    @Test
    void namesAreCapitalisedRunsAndASentenceStartCountsOnlyIfCapitalisedElsewhere() {
        String text =
                "Police said Maria Lopez won. Officials praised Maria Lopez and the Red Cross."
                        + " Red Cross volunteers helped. Police later left.";

        List<String> keywords = Keywords.of("", text, 20);

        assertThat(keywords).contains("maria lopez", "red cross");
        assertThat(keywords)
                .doesNotContain("police said", "officials praised", "red cross volunteers");
        assertThat(keywords).contains("police"); // twice in the text: a term
    }

    @Test
    void aTitleCaseTitleDoesNotMakeNamesButItsWordsStillCount() {
        List<String> keywords =
                Keywords.of(
                        "Sweden Drops Its Investigation Into Julian Assange",
                        "Prosecutors in Sweden dropped the investigation into Julian Assange."
                                + " Assange denies the allegation. Prosecutors cited weak evidence.");

        assertThat(keywords.get(0)).isEqualTo("assange");
        assertThat(keywords).contains("julian assange", "sweden", "investigation", "drops");
        assertThat(keywords).doesNotContain("sweden drops", "drops its investigation");
    }

    @Test
    void quantitiesKeepTheirUnitOrCurrency() {
        List<String> keywords =
                Keywords.of(
                        "Tariffs to rise",
                        "The tariffs cover $20 billion of goods, up 30% from last year."
                                + " Growth slowed to 2 per cent, and 2019 was no better.");

        assertThat(keywords).contains("$20 billion", "30%", "2%");
        assertThat(keywords).doesNotContain("2019", "20", "2");
    }

    @Test
    void wordsOfANameAreNotRepeatedAsTermsUnlessTheyAlsoStandAlone() {
        List<String> keywords =
                Keywords.of(
                        "",
                        "Protests in Hong Kong grew. Police in Hong Kong fired tear gas."
                                + " Students in Hong Kong stayed.");

        assertThat(keywords).contains("hong kong").doesNotContain("hong", "kong");
    }

    @Test
    void emptyInputHasNoKeywordsAndTheLimitHolds() {
        assertThat(Keywords.of("", "")).isEmpty();
        assertThat(Keywords.of(null, null)).isEmpty();
        assertThat(Keywords.of(QUAKE_TITLE, QUAKE_TEXT, 3)).hasSize(3);
    }
}
