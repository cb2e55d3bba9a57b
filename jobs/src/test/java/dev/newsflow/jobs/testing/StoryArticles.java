package dev.newsflow.jobs.testing;

import dev.newsflow.schemas.CrawlEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Fictional articles written for Newsflow's story tests: one event (a wildfire in Corrin Valley)
 * reported by four sources within half an hour in their own words, one longer article that
 * syndicated copies are made of, and a few single-source items on unrelated topics.
 */
public final class StoryArticles {

    /** When the first wildfire report was fetched; the others follow within 30 minutes. */
    public static final Instant FIRST_REPORT = Instant.parse("2026-11-20T08:05:00Z");

    private StoryArticles() {}

    public static List<CrawlEvent> wildfireReports() {
        return List.of(
                at(
                        CrawlEvents.page(
                                "https://fire.example/valley",
                                "Thousands evacuated as wildfire spreads in Corrin Valley",
                                "Firefighters battled a wildfire in Corrin Valley on Friday as 3,400"
                                        + " residents were evacuated from villages on the eastern"
                                        + " slopes.",
                                "Strong winds pushed the flames towards Ashby and Millford"
                                        + " overnight, the regional fire service said, and two"
                                        + " water-bombing aircraft joined the ground crews at"
                                        + " dawn.",
                                "Officials opened emergency shelters at the Corrin Valley school"
                                        + " and sports hall. No injuries have been reported."),
                        0),
                at(
                        CrawlEvents.page(
                                "https://dailycourier.example/news/corrin-valley-fire",
                                "Corrin Valley wildfire: 3,400 people forced from their homes",
                                "A fast-moving wildfire has forced about 3,400 people to leave their"
                                        + " homes in Corrin Valley, where gusting winds spread the"
                                        + " fire through dry forest overnight.",
                                "Residents of Ashby described flames on the ridge above the"
                                        + " village as the evacuation began. The fire service"
                                        + " deployed aircraft to drop water on the fire front.",
                                "Shelters have been set up in the valley's school and sports"
                                        + " hall, the council said."),
                        7),
                at(
                        CrawlEvents.page(
                                "https://northernherald.example/2026/11/20/wildfire-evacuation",
                                "Evacuation ordered as wind drives Corrin Valley fire towards"
                                        + " villages",
                                "Authorities ordered the evacuation of villages in Corrin Valley as"
                                        + " a wildfire driven by strong winds advanced towards"
                                        + " Millford and Ashby.",
                                "Around 3,400 residents have left the area. Firefighters, backed"
                                        + " by water-bombing planes, are trying to stop the fire"
                                        + " reaching the houses.",
                                "The regional fire chief said the coming hours would be critical"
                                        + " as the wind was expected to strengthen."),
                        18),
                at(
                        CrawlEvents.page(
                                "https://radio-east.example/corrin-fire-live",
                                "Corrin Valley fire: aircraft join battle as residents flee",
                                "Water-bombing aircraft joined hundreds of firefighters tackling"
                                        + " the Corrin Valley wildfire, which has forced 3,400"
                                        + " people to evacuate.",
                                "The fire spread overnight on strong winds. Emergency shelters"
                                        + " are open in the valley's school and sports hall for"
                                        + " evacuated families from Ashby and Millford.",
                                "There are no reports of injuries so far."),
                        29));
    }

    /** A longer article of which {@link #rewrittenRateDecision()} is a syndicated rewrite. */
    public static CrawlEvent rateDecision() {
        return at(
                CrawlEvents.page(
                        "https://money.example/rates",
                        "Central bank raises interest rates",
                        RATE_PARAGRAPHS.toArray(String[]::new)),
                2);
    }

    /**
     * The rate article as another site republishes it: its own headline, its own boilerplate before
     * and after, the same body.
     */
    public static CrawlEvent rewrittenRateDecision() {
        List<String> paragraphs = new java.util.ArrayList<>();
        paragraphs.add("This article is republished from the Money Wire news service.");
        paragraphs.addAll(RATE_PARAGRAPHS);
        paragraphs.add(
                "Sign up to our morning briefing for the day's most important business stories,"
                        + " delivered to your inbox.");
        return at(
                CrawlEvents.page(
                        "https://businessdaily.example/markets/norland-rate-rise",
                        "Norland's central bank lifts rates to 4.25%",
                        paragraphs.toArray(String[]::new)),
                45);
    }

    private static final List<String> RATE_PARAGRAPHS =
            List.of(
                    "The Bank of Norland raised its policy rate by a quarter point to 4.25 percent"
                            + " on Thursday, its third increase this year, as inflation stayed"
                            + " stubbornly above its two percent target.",
                    "Governor Elsa Marren said the committee voted seven to two for the rise,"
                            + " with the two dissenting members preferring to hold rates steady"
                            + " until the effect of earlier increases becomes clearer.",
                    "Inflation has stayed above target for eighteen months, driven by energy"
                            + " prices and rents, the bank said in its statement. Wage growth has"
                            + " slowed but remains strong enough to keep services prices rising.",
                    "Economists had been divided ahead of the meeting. Some argued that the"
                            + " slowing housing market and weaker retail sales were reason enough"
                            + " to pause, while others pointed to the tight labour market.",
                    "The bank signalled that further increases were possible if inflation did not"
                            + " fall as forecast in the first half of next year, but said it would"
                            + " judge each decision meeting by meeting.",
                    "Mortgage lenders are expected to pass on the increase within weeks. The"
                            + " Norland Mortgage Association estimated that a typical variable"
                            + " rate borrower will pay about forty crowns more a month.");

    private static CrawlEvent at(CrawlEvent event, int minutesAfterFirstReport) {
        Instant fetched = FIRST_REPORT.plus(Duration.ofMinutes(minutesAfterFirstReport));
        return CrawlEvent.newBuilder(event)
                .setPublishedAt(fetched.minus(Duration.ofMinutes(3)))
                .setFetchedAt(fetched)
                .build();
    }
}
