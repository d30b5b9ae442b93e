package dev.rustlens.http;

import jakarta.ws.rs.core.Response;

/**
 * A page request that cannot be served, with the status and the message a person reads on the
 * error page (the API's problem details are JSON, which a browser user should not get).
 */
public class PageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Response.Status status;

    private PageException(Response.Status status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** An unknown id in the path. */
    public static PageException notFound(String message) {
        return new PageException(Response.Status.NOT_FOUND, message);
    }

    /** A bad query parameter, e.g. a filter value that does not exist. */
    public static PageException badRequest(String message) {
        return new PageException(Response.Status.BAD_REQUEST, message);
    }

    /** A change that the current state refuses, e.g. resolving an alert that is resolved already. */
    public static PageException conflict(String message) {
        return new PageException(Response.Status.CONFLICT, message);
    }

    public Response.Status status() {
        return status;
    }
}
