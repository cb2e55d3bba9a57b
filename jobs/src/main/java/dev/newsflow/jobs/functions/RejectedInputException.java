package dev.newsflow.jobs.functions;

/**
 * Input that can never be processed, whatever the retries; its message is the dead-letter reason.
 */
public final class RejectedInputException extends Exception {

    public RejectedInputException(String reason) {
        super(reason);
    }
}
