package dev.newsflow.jobs.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Program arguments as configuration: each argument is {@code NEWSFLOW_NAME=value} (a leading
 * {@code --} is allowed) and overrides the environment variable of the same name.
 *
 * <p>A job submitted to a session cluster (REST {@code /jars/:id/run}, {@code flink run}) runs its
 * {@code main} inside the JobManager, whose environment is the cluster's, not the job's: program
 * arguments are the only per-job channel. Anything else fails fast, so that a misspelt argument
 * does not silently leave a default in place.
 */
public final class JobArguments {

    static final String PREFIX = "NEWSFLOW_";

    private JobArguments() {}

    /** {@code env} with every {@code NEWSFLOW_NAME=value} of {@code args} laid over it. */
    public static Map<String, String> overlay(Map<String, String> env, String... args) {
        Map<String, String> merged = new HashMap<>(env);
        for (String arg : args) {
            String pair = arg.startsWith("--") ? arg.substring(2) : arg;
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq < 0 || !name.startsWith(PREFIX) || name.length() == PREFIX.length()) {
                throw new IllegalArgumentException(
                        "Program arguments must be "
                                + PREFIX
                                + "NAME=value (the job's environment variables), got '"
                                + arg
                                + "'");
            }
            merged.put(name, pair.substring(eq + 1));
        }
        return Map.copyOf(merged);
    }
}
