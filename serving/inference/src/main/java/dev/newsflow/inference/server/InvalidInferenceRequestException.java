package dev.newsflow.inference.server;

/**
 * A request the model cannot run: wrong tensor name, data type or shape, malformed contents. The
 * service answers it with {@code INVALID_ARGUMENT} and this message.
 */
public class InvalidInferenceRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidInferenceRequestException(String message) {
        super(message);
    }
}
