package dev.newsflow.inference.embedding;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Named text fixtures for the embedder tests and the throughput measurement. */
final class NewsTexts {

    static final String FOOTBALL_MATCH =
            "Liverpool beat Manchester United 2-1 at Anfield after a late header from their"
                    + " striker in the final minute of the match.";

    static final String FOOTBALL_REPORT =
            "The home side won the league game, scoring twice in the second half as the"
                    + " goalkeeper saved a penalty and the fans celebrated the victory.";

    static final String RATE_DECISION =
            "The European Central Bank raised its key interest rate by a quarter of a percentage"
                    + " point to 4.5% to bring inflation back to its 2% target.";

    static final String SHORT = "Rates rise.";

    /** About 60 word pieces: a typical headline plus lead. */
    static final String LEAD =
            "Shares in European carmakers fell sharply on Tuesday after the United States"
                    + " announced new tariffs on imported vehicles, raising fears of a wider trade"
                    + " dispute that analysts say could cut profits at Volkswagen, BMW and"
                    + " Stellantis by as much as a fifth next year, with smaller suppliers hit"
                    + " hardest.";

    /** About 250 word pieces: a news paragraph that nearly fills the window. */
    static final String PARAGRAPH =
            LEAD
                    + " The European Commission said it was studying the measures and would respond"
                    + " firmly but proportionately, while industry groups warned that supply chains"
                    + " running through Mexico and Canada would be hit first. Investors moved into"
                    + " government bonds, pushing the yield on German ten-year debt to its lowest"
                    + " level in three months, and the euro slipped against the dollar. In Tokyo,"
                    + " shares in Toyota and Honda also declined, although Japanese officials said"
                    + " talks with Washington were continuing. Economists at several banks lowered"
                    + " their growth forecasts for the euro area, citing weaker exports and the risk"
                    + " that companies postpone investment until the dispute is resolved. Union"
                    + " leaders in Germany called for talks with the government on protecting jobs"
                    + " at plants that depend on exports to North America, and several regional"
                    + " ministers asked Brussels to prepare support for suppliers. Carmakers said"
                    + " they would review their plans for new factories in the United States, and"
                    + " dealers expect prices for imported models to rise within weeks.";

    /** About 330 word pieces on another subject (a flood and the city's response). */
    static final String FLOOD_REPORT =
            "Heavy rain flooded the old town of Riverton overnight, forcing firefighters to"
                    + " evacuate more than two hundred residents from homes along the embankment as"
                    + " the river rose almost three metres in six hours. Emergency shelters opened"
                    + " in two schools and the sports hall, where volunteers handed out blankets,"
                    + " dry clothes and hot meals until the early morning. The mayor said the"
                    + " temporary flood walls installed last spring held along most of the river,"
                    + " but water poured through a gap near the railway bridge, where construction"
                    + " of the permanent barrier has been delayed by a dispute over costs. Several"
                    + " streets remain closed, the regional train line is suspended, and the water"
                    + " company warned residents to boil tap water until further notice. Insurers"
                    + " sent assessors to the worst-hit neighbourhoods, and shop owners began"
                    + " pumping mud out of cellars and carrying ruined stock to skips on the"
                    + " pavement. Meteorologists expect more rain over the weekend and have kept"
                    + " the highest warning level for the valley, while engineers inspect the dikes"
                    + " upstream for damage. Opposition councillors demanded an inquiry into why"
                    + " the barrier was not finished after two earlier floods in the past decade,"
                    + " and residents' associations said they would ask the regional government for"
                    + " emergency funds to repair homes and clean up the riverbank. The fire"
                    + " brigade said no one was seriously injured, although three people were"
                    + " treated for hypothermia after being rescued from cars trapped by the water"
                    + " on the ring road, and a dog was pulled from a flooded garden by divers.";

    private NewsTexts() {}

    /** A text of {@code words} words that starts with a title and repeats a paragraph. */
    static String longArticle(String title, int words) {
        String[] body = PARAGRAPH.split(" ");
        return title
                + " "
                + IntStream.range(0, words)
                        .mapToObj(i -> body[i % body.length])
                        .collect(Collectors.joining(" "));
    }

    static List<String> copies(String text, int n) {
        return java.util.Collections.nCopies(n, text);
    }
}
