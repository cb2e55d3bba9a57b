package dev.newsflow.inference.protocol;

/**
 * Tensor contents that do not match their declared data type or shape: truncated or trailing bytes,
 * a negative length prefix, invalid UTF-8. The server answers these with {@code INVALID_ARGUMENT};
 * the client treats them as a protocol error of the server.
 */
public class MalformedTensorException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MalformedTensorException(String message) {
        super(message);
    }
}
