package dev.rustlens.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem details body, the shape of every API error.
 *
 * @param type a URI naming the kind of problem ({@code about:blank} for plain HTTP statuses)
 * @param title the HTTP status's phrase
 * @param status the HTTP status code
 * @param detail what went wrong, in words the caller can act on
 */
public record Problem(String type, String title, int status, String detail) {

    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** 507: the server has no room to store what it was given (its disk is full); JAX-RS names no constant for it. */
    public static final Response.StatusType INSUFFICIENT_STORAGE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 507;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.SERVER_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Insufficient Storage";
        }
    };

    /** Most characters of a detail: it explains, it never carries a caller's input or a dump back. */
    private static final int MAX_DETAIL_CHARS = 1000;

    /** A response carrying a problem for {@code status}. */
    public static Response response(Response.StatusType status, String detail) {
        String shown = detail == null || detail.length() <= MAX_DETAIL_CHARS ? detail
                : detail.substring(0, MAX_DETAIL_CHARS) + "…";
        Problem problem = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), shown);
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(problem).build();
    }
}
