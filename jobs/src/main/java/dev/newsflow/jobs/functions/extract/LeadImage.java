package dev.newsflow.jobs.functions.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article's lead image as an absolute http(s) URL: the one the page declares for sharing (Open
 * Graph, Twitter card, JSON-LD), else the first picture in the article that says it is large enough
 * to be more than an icon, avatar or tracking pixel.
 */
final class LeadImage {

    /** Below these a picture is an icon or avatar, not a lead image. */
    private static final int MIN_WIDTH = 200;

    private static final int MIN_HEIGHT = 100;

    private static final List<String> DECLARED =
            List.of(
                    "meta[property=og:image], meta[name=og:image]",
                    "meta[property=og:image:url], meta[property=og:image:secure_url]",
                    "meta[name=twitter:image], meta[property=twitter:image],"
                            + " meta[name=twitter:image:src]");

    private LeadImage() {}

    static String of(Document doc, List<JsonNode> jsonLd) {
        for (String selector : DECLARED) {
            for (Element meta : doc.select(selector)) {
                String url = resolve(doc, meta.attr("content"));
                if (url != null) {
                    return url;
                }
            }
        }
        for (JsonNode node : jsonLd) {
            String url = jsonLdImage(doc, node.get("image"));
            if (url != null) {
                return url;
            }
        }
        Element container = doc.selectFirst("article, [itemprop=articleBody], main");
        if (container != null) {
            for (Element img : container.select("img")) {
                String src = img.hasAttr("src") ? img.attr("src") : img.attr("data-src");
                String url = largeEnough(img) ? resolve(doc, src) : null;
                if (url != null) {
                    return url;
                }
            }
        }
        return null;
    }

    /** {@code image} as a URL string, an {@code ImageObject} with a URL, or an array of those. */
    private static String jsonLdImage(Document doc, JsonNode image) {
        if (image == null) {
            return null;
        }
        for (JsonNode one : image.isArray() ? image : List.of(image)) {
            JsonNode url = one;
            if (one.isObject()) {
                url = one.has("url") ? one.get("url") : one.get("contentUrl");
            }
            String resolved = url != null && url.isTextual() ? resolve(doc, url.asText()) : null;
            if (resolved != null) {
                return resolved;
            }
        }
        return null;
    }

    /** Only a picture whose width or height attribute says it is large; no hint, no guess. */
    private static boolean largeEnough(Element img) {
        int width = pixels(img.attr("width"));
        int height = pixels(img.attr("height"));
        if (width < 0 && height < 0) {
            return false;
        }
        return (width < 0 || width >= MIN_WIDTH) && (height < 0 || height >= MIN_HEIGHT);
    }

    private static int pixels(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.endsWith("px")) {
            v = v.substring(0, v.length() - 2).strip();
        }
        return v.matches("\\d{1,5}") ? Integer.parseInt(v) : -1;
    }

    /**
     * {@code ref} resolved against the page's base URI (its URL, or its {@code <base href>}, which
     * the parser applies); {@code null} unless the result is an http(s) URL.
     */
    static String resolve(Document doc, String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        String spec = ref.strip().replace(" ", "%20");
        URL url = absolute(doc.baseUri(), spec);
        if (url == null) {
            return null;
        }
        String protocol = url.getProtocol();
        if (!(protocol.equals("http") || protocol.equals("https")) || url.getHost().isEmpty()) {
            return null;
        }
        return url.toExternalForm();
    }

    private static URL absolute(String base, String spec) {
        try {
            return new URL(new URL(base), spec);
        } catch (MalformedURLException noUsableBase) {
            try {
                return new URL(spec);
            } catch (MalformedURLException notAbsolute) {
                return null;
            }
        }
    }
}
