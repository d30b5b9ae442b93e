package dev.rustlens.auth;

import dev.rustlens.http.BadRequest;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

/** Users who sign in to the pages, and who the caller is. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@Tag(name = "Access")
public class UserResource {

    /** A user to create. */
    public record NewUser(String username, String password, String role) {
    }

    /** A user as listed: never the password hash. */
    public record UserView(long id, String username, Role role, OffsetDateTime createdAt) {
        static UserView of(AppUser user) {
            return new UserView(user.id, user.username, user.role, user.createdAt);
        }
    }

    /** The caller: a user name or {@code token:<name>}, and the roles it holds. */
    public record Me(String name, List<String> roles) {
    }

    private final AccessService access;
    private final SecurityIdentity identity;

    public UserResource(AccessService access, SecurityIdentity identity) {
        this.access = access;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List users")
    public List<UserView> list() {
        return access.users().stream().map(UserView::of).toList();
    }

    @POST
    @Operation(summary = "Create a user who signs in to the pages (password of at least 10 characters)")
    @APIResponse(responseCode = "201", description = "The user, at its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "A user of that name exists")
    public Response create(NewUser request, UriInfo uri) {
        if (request == null) {
            throw new BadRequest("send {\"username\": ..., \"password\": ..., \"role\": ...}");
        }
        AppUser user = access.createUser(request.username(), request.password(), Role.parse(request.role()));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(user.id)).build())
                .entity(UserView.of(user)).build();
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "Who the caller is and which roles it holds")
    public Me me() {
        return new Me(identity.getPrincipal().getName(), identity.getRoles().stream().sorted().toList());
    }
}
