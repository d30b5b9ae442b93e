package dev.rustlens.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The page shown when a page request fails: the status and a message, never a stack trace. */
public final class ErrorPage {

    private ErrorPage() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    /** A response with the error page for {@code status}. */
    public static Response response(Response.Status status, String detail) {
        String html = Templates.error(status.getStatusCode(), status.getReasonPhrase(), detail).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
