package dev.newsflow.inference.server;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the local inference server until SIGINT/SIGTERM, configured by the {@code
 * NEWSFLOW_INFERENCE_*} environment variables ({@link InferenceServerConfig}). On a signal it stops
 * taking calls, lets calls in flight finish within the grace period, and exits.
 */
public final class InferenceServerMain {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceServerMain.class);

    private InferenceServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        InferenceServerConfig config = InferenceServerConfig.fromEnv(System.getenv());
        InferenceServer server = InferenceServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    LOG.info("Shutting down the inference server");
                                    server.close();
                                    stopped.countDown();
                                },
                                "inference-server-shutdown"));
        System.out.println("newsflow inference server on " + config.host() + ":" + server.port());
        server.awaitTermination();
        // The hook is still closing the models; let it finish before the JVM exits.
        stopped.await();
    }
}
