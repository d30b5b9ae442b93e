package dev.rustlens.http;

import dev.rustlens.database.DatabaseErrors;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import org.jboss.logging.Logger;

/**
 * How a request that cannot be served is answered: problem details for the API, the error page or
 * the sign-in form for the pages; shared by the exception mappers and the request filters.
 */
public final class Answers {

    private static final Logger LOG = Logger.getLogger(Answers.class);
    /** When a client should try again after a 503: a stalled connection is given up within 15 s. */
    private static final int RETRY_AFTER_SECONDS = 10;

    private Answers() {
    }

    /**
     * The database is unreachable, stalled, busy or out of disk: the server's trouble, answered
     * 503 with Retry-After (507 for a full disk) and logged, never as the request's fault.
     */
    public static Response databaseTrouble(Throwable e, UriInfo uri) {
        DatabaseErrors.Trouble trouble = DatabaseErrors.trouble(e).orElseThrow();
        if (trouble == DatabaseErrors.Trouble.DISK_FULL) {
            LOG.error("the database's disk is full", e);
            return answer(uri, Problem.INSUFFICIENT_STORAGE, DatabaseErrors.describe(trouble));
        }
        LOG.warnf("a request failed on the database (%s): %s", trouble, e);
        return Response.fromResponse(answer(uri, Response.Status.SERVICE_UNAVAILABLE, DatabaseErrors.describe(trouble)))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    /** Whether a request path is part of the JSON API rather than the pages. */
    public static boolean isApi(String path) {
        return path.startsWith("/api/") || path.startsWith("api/");
    }

    /**
     * The answer to a caller who must authenticate: 401 with problem details for the API, the
     * sign-in form for a page, coming back afterwards to the page (or, for a form's action, to the
     * page the form was on).
     */
    public static Response unauthenticated(ContainerRequestContext request, String detail) {
        UriInfo uri = request.getUriInfo();
        if (isApi(uri.getPath())) {
            Response problem = Problem.response(Response.Status.UNAUTHORIZED, detail);
            return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rustlens\"").build();
        }
        URI back = uri.getRequestUri();
        if (!HttpMethod.GET.equals(request.getMethod())) {
            String referer = request.getHeaderString("Referer");
            back = referer == null ? URI.create("/") : parseOrRoot(referer);
        }
        String next = back.getRawPath() == null || back.getRawPath().isEmpty() ? "/" : back.getRawPath();
        if (back.getRawQuery() != null) {
            next += "?" + back.getRawQuery();
        }
        return Response.seeOther(UriBuilder.fromPath("/login").queryParam("next", next).build()).build();
    }

    private static URI parseOrRoot(String uri) {
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            return URI.create("/");
        }
    }

    /** The answer to a request that cannot be served: problem details for the API, the error page for the pages. */
    public static Response answer(UriInfo uri, Response.StatusType status, String detail) {
        return isApi(uri.getPath()) ? Problem.response(status, detail) : ErrorPage.response(status, detail);
    }
}
