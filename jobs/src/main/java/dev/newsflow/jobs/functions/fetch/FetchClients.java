package dev.newsflow.jobs.functions.fetch;

import java.time.Duration;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the Apache HttpClient behind {@link HttpFetcher}. What matters for safety: every
 * connection resolves through {@link GuardedDnsResolver}; no proxy (a proxy would resolve names
 * itself, out of the guard's sight); redirects, decompression, retries, cookies and authentication
 * all off, because the fetcher does the first two itself within limits and wants none of the rest.
 */
final class FetchClients {

    private FetchClients() {}

    static CloseableHttpClient create(FetchPolicy policy, DnsResolver dns) {
        Timeout connect = timeout(policy.connectTimeout());
        Timeout read = timeout(policy.readTimeout());
        PoolingHttpClientConnectionManager connections =
                PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(dns, AddressGuard.of(policy)))
                        .setDefaultConnectionConfig(
                                ConnectionConfig.custom()
                                        .setConnectTimeout(connect)
                                        .setSocketTimeout(read)
                                        // Re-resolve (and so re-check) each host now and then.
                                        .setTimeToLive(TimeValue.ofMinutes(5))
                                        .build())
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(read).build())
                        .setMaxConnTotal(policy.maxConnections())
                        // Per-host limits are HostPoliteness's job, not the pool's.
                        .setMaxConnPerRoute(policy.maxConnections())
                        .build();
        RequestConfig requests =
                RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(read)
                        .setRedirectsEnabled(false)
                        .setContentCompressionEnabled(false)
                        .setAuthenticationEnabled(false)
                        .setProtocolUpgradeEnabled(false)
                        .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(requests)
                .setUserAgent(policy.userAgent())
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .build();
    }

    private static Timeout timeout(Duration d) {
        return Timeout.ofMilliseconds(d.toMillis());
    }
}
