package dev.newsflow.jobs.testing;

import java.util.List;
import java.util.regex.Matcher;

/**
 * Article texts written for the dedup tests: five unrelated stories, a second story on the same
 * event as the first (same topic, different text), and the kinds of copy syndication produces.
 */
public final class NewsTexts {

    private NewsTexts() {}

    public static final String FERRY =
            """
            The new ferry terminal at Westhaven will open to passengers on 14 March, two years \
            later than planned, the harbour authority confirmed on Monday.

            Work on the terminal stalled in 2023 when surveyors found that the approach channel \
            had silted up far faster than the original models predicted. Dredging the channel to \
            a safe depth took fourteen months and added about 40 million euros to the budget.

            The authority's chief executive, Maria Lund, said the delay had been frustrating for \
            commuters but that the terminal would now handle twice as many sailings as the old \
            pier. Two electric ferries ordered from a yard in Norway will run the crossing to the \
            islands every half hour at peak times.

            Local businesses near the old pier have asked the council for help, saying that \
            footfall will drop sharply once the sailings move. The council said it would publish \
            a plan for the area before the summer.
            """;

    /** Another outlet's report of the same opening: same facts, its own words. */
    public static final String FERRY_OTHER_OUTLET =
            """
            Passengers bound for the islands will board at a brand-new terminal from the middle of \
            March, ending years of disruption at the cramped old pier in Westhaven.

            The project ran two years over schedule after the harbour's approach channel filled \
            with silt. Engineers had to dredge for more than a year before construction could \
            resume, and the final bill rose by tens of millions.

            Commuters we spoke to were relieved. "I have stood in the rain on that pier for ten \
            years," said one nurse who crosses daily. Operators plan sailings every thirty minutes \
            in the rush hour using two battery-powered vessels built in Norway.

            Shop owners around the old landing stage fear for their trade and want support from \
            the town.
            """;

    public static final String FLOODS =
            """
            Heavy rain overnight flooded dozens of homes in the lower Arden valley and closed the \
            main road between Millford and Carrow for most of Tuesday.

            The river rose by almost two metres in twelve hours, according to the environment \
            agency, which issued three severe flood warnings before dawn. Fire crews used boats to \
            reach residents trapped on the upper floors of houses along Mill Lane.

            No injuries were reported. A rest centre opened at the Millford community hall, where \
            volunteers handed out blankets and hot drinks to around sixty people.

            Forecasters expect a drier spell from Thursday, but warned that the ground is \
            saturated and that further showers at the weekend could bring the river up again.
            """;

    public static final String FOOTBALL =
            """
            Rovers have appointed Daniel Okafor as head coach on a three-year contract, the club \
            announced on Friday, eight weeks after he took temporary charge of the first team.

            Okafor, 41, won six of his nine matches as interim coach and lifted the side from the \
            relegation places to eleventh in the table. The chairman praised his work with young \
            players and said the board had been unanimous.

            "This is a club I love, and I know how much it means to the town," Okafor said. He \
            added that the squad needed two or three signings in defence during the summer window.

            His first match as permanent coach is away at Eastfield on Saturday afternoon.
            """;

    public static final String EARNINGS =
            """
            Shares in the chipmaker Veltrix rose nine per cent in early trading after the company \
            reported quarterly revenue well ahead of analysts' forecasts.

            Revenue climbed to 3.2 billion dollars, up 28 per cent on a year earlier, driven by \
            demand for processors used in data centres. Profit margins also widened as the cost \
            of memory components fell.

            The chief financial officer warned that supply of advanced packaging remained tight \
            and said the company would spend more on new capacity in Malaysia next year. Veltrix \
            raised its full-year guidance for the second time.

            Rivals' shares rose in sympathy, and the wider technology index gained one per cent.
            """;

    public static final String COMET =
            """
            Astronomers at the Kessing Observatory have recorded a faint comet that will pass \
            closest to the Sun in November and may become visible with binoculars.

            The comet was first spotted on images taken in late January and has since been \
            tracked by observatories in Chile and Australia. Its orbit suggests it last visited \
            the inner solar system about four thousand years ago.

            Researchers cautioned that comets are notoriously hard to predict. Many brighten less \
            than expected, and some break apart as they approach the Sun.

            Amateur observers are being asked to submit their images to help refine the orbit.
            """;

    /** The five unrelated stories and the second report of the first. */
    public static List<String> originals() {
        return List.of(FERRY, FLOODS, FOOTBALL, EARNINGS, COMET, FERRY_OTHER_OUTLET);
    }

    /** A syndicated copy: the site's own header and footer around the text. */
    public static String withBoilerplate(String text) {
        return "Sign up for our morning newsletter and never miss the top stories of the day.\n\n"
                + text
                + "\n\nRead more: the latest news from the region, updated around the clock."
                + "\n\nCopyright 2025 Regional Press. All rights reserved.";
    }

    /** A light rewrite: the first sentence replaced, one word changed further on. */
    public static String withNewLead(String text, String lead) {
        return text.replaceFirst("^[^.]*\\.\\s+", Matcher.quoteReplacement(lead + " "))
                .replaceFirst(" the ", " this ");
    }
}
