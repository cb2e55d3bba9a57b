package dev.newsflow.jobs.functions.inference;

/** A batch whose inference failed for good; the message is the reason its articles carry. */
public final class InferenceFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InferenceFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
