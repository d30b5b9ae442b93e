package dev.rustlens.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Shows a {@link PageException} as an HTML page in the site's layout, with its status code. */
public class ErrorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String reason, String message);
    }

    @ServerExceptionMapper
    public Response page(PageException e) {
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(e.status().getStatusCode(), e.status().getReasonPhrase(), e.getMessage()).render())
                .build();
    }
}
