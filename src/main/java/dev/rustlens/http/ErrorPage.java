package dev.rustlens.http;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The page shown when a page request fails: the status and a message in the site's layout, never a stack trace. */
public class ErrorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String reason, String message);
    }

    @ServerExceptionMapper
    public Response page(PageException e) {
        return response(e.status(), e.getMessage());
    }

    /** A response with the error page for {@code status}. */
    public static Response response(Response.StatusType status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status.getStatusCode(), status.getReasonPhrase(), message).render()).build();
    }
}
