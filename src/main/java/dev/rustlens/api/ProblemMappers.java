package dev.rustlens.api;

import static dev.rustlens.http.Answers.answer;
import static dev.rustlens.http.Answers.databaseTrouble;
import static dev.rustlens.http.Answers.unauthenticated;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.rustlens.auth.SignInGuard;
import dev.rustlens.database.DatabaseErrors;
import dev.rustlens.gitrepo.DiskFull;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.DuplicateNameException;
import dev.rustlens.http.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns exceptions into a clear 4xx, never a stack trace: problem details for the API, a page with
 * the message for the pages (and the sign-in form when a page action needs a signed-in user).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /**
     * Only our own refusals are the request's fault; an {@link IllegalArgumentException} from a
     * library or a bug of ours is a 500 (below), so its message never reaches a client as advice.
     */
    @ServerExceptionMapper
    public Response badRequest(BadRequest e, UriInfo uri) {
        return answer(uri, Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response duplicate(DuplicateNameException e, UriInfo uri) {
        return answer(uri, Response.Status.CONFLICT, e.getMessage());
    }

    /**
     * Where a body stops being valid JSON, and why in Jackson's words when those are ours (a text
     * with NUL) or short; Jackson's own messages may repeat hundreds of characters of the body.
     */
    private static String badJson(JsonProcessingException json) {
        JsonLocation where = json.getLocation();
        String at = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
        if (json.getCause() instanceof BadRequest || json.getCause() instanceof IllegalArgumentException nul
                && TextWithoutNul.MESSAGE.equals(nul.getMessage())) {
            return "the request body has a bad value" + at + ": " + json.getCause().getMessage();
        }
        return "the request body is not valid JSON or has a value of the wrong type" + at;
    }

    /** A body Jackson cannot read; Quarkus's own answer would name the target class and no reason. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return answer(uri, Response.Status.BAD_REQUEST, badJson(e));
    }

    /** The same for a value of the wrong type, which Quarkus answers by its own mapper unless this one is here. */
    @ServerExceptionMapper
    public Response jsonType(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, ContainerRequestContext request) {
        return unauthenticated(request, "this needs a signed-in user or an API token (Authorization: Bearer <token>)");
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e, ContainerRequestContext request) {
        if (DatabaseErrors.trouble(e).isPresent()) {
            return databaseTrouble(e, request.getUriInfo()); // the credentials could not be looked up
        }
        return unauthenticated(request, e.getMessage() == null ? "the credentials were not accepted" : e.getMessage());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(uri, Response.Status.FORBIDDEN, "your role does not allow this: it needs a maintainer"
                + " (scans, uploads, settings of repositories) or an admin (users, tokens)");
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getResponse().getStatus() >= 500 && DatabaseErrors.trouble(e).isPresent()) {
            return databaseTrouble(e, uri); // a database failure the framework wrapped as a 500 on the way
        }
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.BAD_REQUEST;
        }
        if ((status == Response.Status.NOT_FOUND || status == Response.Status.BAD_REQUEST)
                && e.getCause() instanceof IllegalArgumentException conversion) {
            // JAX-RS answers a query or path parameter it cannot convert with 404; it is bad input.
            // A number's conversion repeats the whole value in its message: that is not shown.
            return answer(uri, Response.Status.BAD_REQUEST, TextWithoutNul.MESSAGE.equals(conversion.getMessage())
                    ? TextWithoutNul.MESSAGE : "a path, query or form parameter has the wrong form (a number was expected)");
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
        return answer(uri, status, e.getCause() instanceof JsonProcessingException json ? badJson(json) : detail);
    }

    /** This server's disk is full: its administrator must act, the client did nothing wrong. */
    @ServerExceptionMapper
    public Response diskFull(DiskFull e, UriInfo uri) {
        LOG.error("this server's disk is full", e);
        return answer(uri, Problem.INSUFFICIENT_STORAGE, "this server's disk is full; an administrator must free space");
    }

    /** Reading or writing this server's own files failed: the details are for the log, not the caller. */
    @ServerExceptionMapper
    public Response files(IOException e, UriInfo uri) {
        LOG.error("reading or writing this server's files failed", e);
        return answer(uri, Response.Status.INTERNAL_SERVER_ERROR, "the server could not read or write its files;"
                + " the server log has the details");
    }

    /** Every password check slot is taken: the caller tries again in a moment. */
    @ServerExceptionMapper
    public Response busy(SignInGuard.PasswordChecksBusy e, UriInfo uri) {
        return Response.fromResponse(answer(uri, Response.Status.SERVICE_UNAVAILABLE, e.getMessage()))
                .header(HttpHeaders.RETRY_AFTER, 2).build();
    }

    /** A statement run over JDBC failed: the database's trouble gets a 503, anything else is a bug of ours. */
    @ServerExceptionMapper
    public Response statement(SQLException e, UriInfo uri) {
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        return unexpected((Exception) e, uri);
    }

    private static Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseErrors.trouble(e).isPresent()) {
            return databaseTrouble(e, uri);
        }
        LOG.error("unexpected error while serving a request", e);
        return answer(uri, Response.Status.INTERNAL_SERVER_ERROR, "internal error; the server log has the details");
    }
}
