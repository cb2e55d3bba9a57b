package dev.newsflow.query.search;

import io.vertx.core.json.JsonObject;

/**
 * One hit of an OpenSearch search: the article's id, its stored source (without embedding) and the
 * highlighted fragments per field ({@code {"title": ["..<em>x</em>.."]}}; empty when none).
 */
public record ArticleHit(String id, JsonObject source, JsonObject highlights) {}
