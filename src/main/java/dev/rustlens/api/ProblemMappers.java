package dev.rustlens.api;

import dev.rustlens.gitrepo.GitMirror.GitFailure;
import dev.rustlens.gitrepo.RepositoryService.DuplicateNameException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns exceptions into problem details: a clear 4xx for bad requests, never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response badInput(IllegalArgumentException e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response duplicate(DuplicateNameException e) {
        return Problem.response(Response.Status.CONFLICT, e.getMessage());
    }

    /** A repository that cannot be fetched now: the upstream server's fault or the URL's, not the request's. */
    @ServerExceptionMapper
    public Response git(GitFailure e) {
        return Problem.response(Response.Status.BAD_GATEWAY, e.getMessage());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.BAD_REQUEST;
        }
        boolean ownMessage = e.getMessage() != null && !e.getMessage().startsWith("HTTP ");
        String detail = switch (status) {
            case NOT_FOUND -> ownMessage ? e.getMessage() : "no such resource";
            case METHOD_NOT_ALLOWED -> "this method is not allowed here";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported Content-Type: send JSON (application/json), or an archive"
                    + " (application/gzip) to an archive upload";
            case NOT_ACCEPTABLE -> "this resource cannot produce the requested media type";
            default -> ownMessage ? e.getMessage() : status.getReasonPhrase();
        };
        return Problem.response(status, e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json
                ? "the request body is not valid JSON: " + json.getOriginalMessage() : detail);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error while serving a request", e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "internal error; the server log has the details");
    }
}
