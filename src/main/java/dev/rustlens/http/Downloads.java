package dev.rustlens.http;

import jakarta.ws.rs.core.Response;

/** An export answered as a file to save: the body with a {@code Content-Disposition} that names it. */
public final class Downloads {

    private Downloads() {
    }

    /** The response as an attachment named {@code filename} (a name of ours, never a user's text). */
    public static Response attachment(Response.ResponseBuilder response, String filename) {
        return response.header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
