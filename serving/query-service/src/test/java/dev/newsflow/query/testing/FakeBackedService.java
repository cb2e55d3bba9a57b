package dev.newsflow.query.testing;

import dev.newsflow.query.QueryService;
import dev.newsflow.query.config.QueryServiceConfig;
import dev.newsflow.query.config.QueryServiceConfig.RateLimit;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The query service on an ephemeral port in front of fakes: a {@link FakeOpenSearch}, the
 * bag-of-words {@link FakeTextEmbedder}, an in-memory interaction log; keys from {@code keys}, rate
 * limits high enough never to interfere.
 */
public final class FakeBackedService {

    private FakeBackedService() {}

    public static QueryServiceConfig config(URI openSearch, Path keys) {
        return QueryServiceConfig.defaults()
                .withHttpPort(0)
                .withOpenSearchUri(openSearch)
                .withApiKeysFile(keys)
                .withRateLimit(new RateLimit(1_000, 1_000));
    }

    /** Deploys the service with {@link #config} and returns a probe of its base URI. */
    public static HttpProbe deploy(Vertx vertx, FakeOpenSearch openSearch, Path keys)
            throws Exception {
        return new HttpProbe(
                QueryService.deploy(
                                vertx,
                                config(openSearch.uri(), keys),
                                new FakeTextEmbedder(),
                                new FakeInteractionLog().factory())
                        .await(30, TimeUnit.SECONDS)
                        .baseUri());
    }
}
