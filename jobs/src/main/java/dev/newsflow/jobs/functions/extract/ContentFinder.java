package dev.newsflow.jobs.functions.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Finds the elements that hold the article, Readability-style: every paragraph of some length
 * scores its parent fully and its further ancestors less (so the element that directly holds many
 * paragraphs wins over the page that holds everything), names like {@code article-body} raise a
 * score and names like {@code sidebar} lower it, link-heavy candidates are discounted. The winner
 * moves up to an ancestor that several strong candidates share, and takes along siblings that look
 * like more of the same article (bodies split by ads or pull quotes).
 */
final class ContentFinder {

    private static final Set<String> SCORED = Set.of("p", "pre", "td");
    private static final Set<String> INLINE_HOLDERS =
            Set.of(
                    "div",
                    "section",
                    "article",
                    "main",
                    "td",
                    "center",
                    "font",
                    "span",
                    "blockquote");
    private static final int MIN_PARAGRAPH = 25;
    private static final int LEVELS = 5;

    private final TextStats stats;
    private final Map<Element, Double> scores = new IdentityHashMap<>();
    // Paragraph scores summed over all descendants, however deep: for comparing siblings.
    private final Map<Element, Double> mass = new IdentityHashMap<>();

    ContentFinder(TextStats stats) {
        this.stats = stats;
    }

    /** The article's elements in document order; the body when nothing scores. */
    List<Element> find(Element body) {
        for (Element e : body.getAllElements()) {
            boolean scored = SCORED.contains(e.normalName());
            int length = scored ? stats.chars(e) : inlineText(e);
            if (length < MIN_PARAGRAPH) {
                continue;
            }
            double score = 1 + stats.commas(e) + Math.min(length / 100.0, 3);
            Element holder = scored ? e.parent() : e;
            mass.merge(holder, score, Double::sum);
            for (int level = 0; holder != null && level < LEVELS; level++) {
                double share = level == 0 ? 1 : level == 1 ? 0.5 : 1.0 / (level * 3);
                scores.putIfAbsent(holder, initialScore(holder));
                scores.merge(holder, score * share, Double::sum);
                if (holder == body) {
                    break;
                }
                holder = holder.parent();
            }
        }
        sumMassBottomUp(body);
        Element top =
                scores.keySet().stream()
                        .max(Comparator.comparingDouble(this::finalScore))
                        .orElse(null);
        if (top == null) {
            return List.of(body);
        }
        return withSiblings(climb(top, body));
    }

    /** Adds each element's mass to its parent's, children first (reverse document order). */
    private void sumMassBottomUp(Element body) {
        Elements all = body.getAllElements();
        for (int i = all.size() - 1; i > 0; i--) {
            Element e = all.get(i);
            Double m = mass.get(e);
            if (m != null && e.parent() != null) {
                mass.merge(e.parent(), m, Double::sum);
            }
        }
    }

    private int inlineText(Element e) {
        return INLINE_HOLDERS.contains(e.normalName()) ? stats.inlineChars(e) : 0;
    }

    private static double initialScore(Element e) {
        double base =
                switch (e.normalName()) {
                    case "div", "article", "section", "main" -> 5;
                    case "pre", "td", "blockquote" -> 3;
                    case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
                    case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
                    default -> 0;
                };
        return base + ElementNames.classWeight(e);
    }

    double finalScore(Element e) {
        Double s = scores.get(e);
        return s == null ? 0 : s * (1 - stats.linkDensity(e));
    }

    /** Moves up to an ancestor shared by strong candidates, or to a parent that scores higher. */
    private Element climb(Element top, Element body) {
        double topScore = finalScore(top);
        List<Element> strong = new ArrayList<>();
        for (Element e : scores.keySet()) {
            if (e != top && finalScore(e) >= 0.75 * topScore) {
                strong.add(e);
            }
        }
        if (strong.size() >= 3) {
            for (Element parent = top.parent();
                    parent != null && parent != body;
                    parent = parent.parent()) {
                int inside = 0;
                for (Element e : strong) {
                    if (isAncestor(parent, e)) {
                        inside++;
                    }
                }
                if (inside >= 3) {
                    top = parent;
                    break;
                }
            }
        }
        double last = finalScore(top);
        double threshold = last / 3;
        for (Element parent = top.parent();
                parent != null && parent != body;
                parent = parent.parent()) {
            if (!scores.containsKey(parent)) {
                continue;
            }
            double score = finalScore(parent);
            if (score < threshold) {
                break;
            }
            if (score > last) {
                top = parent;
                break;
            }
            last = score;
        }
        while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    /** A sibling's paragraphs at any depth, discounted for links, weighted by its name. */
    private double siblingScore(Element e) {
        return mass.getOrDefault(e, 0.0) * (1 - stats.linkDensity(e)) + ElementNames.classWeight(e);
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The top candidate and its siblings that look like more of the article. */
    private List<Element> withSiblings(Element top) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double topScore = siblingScore(top);
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> out = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                out.add(sibling);
                continue;
            }
            double bonus =
                    !top.className().isEmpty() && top.className().equals(sibling.className())
                            ? topScore * 0.2
                            : 0;
            if (mass.containsKey(sibling) && siblingScore(sibling) + bonus >= threshold) {
                out.add(sibling);
            } else if (sibling.nameIs("p")) {
                int length = stats.chars(sibling);
                double density = stats.linkDensity(sibling);
                String text = sibling.text();
                if ((length > 80 && density < 0.25)
                        || (length > 0 && density == 0 && text.matches("(?s).*\\.( |$).*"))) {
                    out.add(sibling);
                }
            }
        }
        return out;
    }
}
