package dev.rustlens.http;

/**
 * A request that rustlens refuses because of what the client sent; the message says what is
 * wrong and is shown to the client (a 400). Any other exception is a bug or the server's trouble.
 */
public class BadRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadRequest(String message) {
        super(message);
    }

    public BadRequest(String message, Throwable cause) {
        super(message, cause);
    }
}
