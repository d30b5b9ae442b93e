package dev.rustlens.auth;

import dev.rustlens.http.BadRequest;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** API tokens: listed without their secrets, created with the secret shown once, deleted. */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@Tag(name = "Access")
public class TokenResource {

    /** What a new token is for and what it may do. */
    public record NewToken(String name, String role) {
    }

    /** A token as listed: never its secret. */
    public record TokenView(long id, String name, Role role, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {
        static TokenView of(ApiToken token) {
            return new TokenView(token.id, token.name, token.role, token.createdAt, token.lastUsedAt);
        }
    }

    /** A token just created, with its secret: the only response that ever carries it. */
    public record CreatedToken(long id, String name, Role role, String token) {
    }

    private final AccessService access;
    private final SecurityIdentity identity;

    public TokenResource(AccessService access, SecurityIdentity identity) {
        this.access = access;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List API tokens (names, roles, last use; never the secrets)")
    public List<TokenView> list() {
        return access.tokens().stream().map(TokenView::of).toList();
    }

    @POST
    @Operation(summary = "Create an API token; the response carries its secret, shown only this once")
    @APIResponse(responseCode = "201", description = "The token with its secret, shown only here",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CreatedToken.class)))
    @APIResponse(responseCode = "409", description = "A token of that name exists")
    public Response create(NewToken request, UriInfo uri) {
        if (request == null) {
            throw new BadRequest("send {\"name\": ..., \"role\": \"viewer|maintainer|admin\"}");
        }
        Role role = Role.parse(request.role());
        Long creator = access.userId(identity.getPrincipal().getName()).orElse(null);
        AccessService.IssuedToken issued = access.createToken(request.name(), role, creator);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(issued.token().id)).build())
                .entity(new CreatedToken(issued.token().id, issued.token().name, role, issued.secret())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an API token; requests with it are refused from now on")
    public void delete(@PathParam("id") long id) {
        if (!access.deleteToken(id)) {
            throw new NotFoundException("no API token " + id);
        }
    }
}
