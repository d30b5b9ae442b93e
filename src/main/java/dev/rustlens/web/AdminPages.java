package dev.rustlens.web;

import dev.rustlens.auth.AccessService;
import dev.rustlens.auth.ApiToken;
import dev.rustlens.auth.AppUser;
import dev.rustlens.auth.Role;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.DuplicateNameException;
import dev.rustlens.http.PageException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Arrays;
import java.util.List;

/**
 * The administration page (admins only): repositories with links to their settings, gates and
 * webhooks, users (list, create) and API tokens (list, create with the secret shown once, delete),
 * all through AccessService.
 */
@Path("/")
public class AdminPages {

    private final AccessService access;
    private final SecurityIdentity identity;

    public AdminPages(AccessService access, SecurityIdentity identity) {
        this.access = access;
        this.identity = identity;
    }

    /** What a rejected user or token form gets back: its message and the values entered (never a password). */
    public record Rejected(String form, String message, String name, String role) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(List<GitRepository> repositories, List<AppUser> users,
                List<ApiToken> tokens, List<String> roles, String message, Rejected rejected);

        static native TemplateInstance token(ApiToken token, String secret);
    }

    @GET
    @RolesAllowed(Role.ADMIN)
    @Path("admin")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("message") String message) {
        return page(message, null);
    }

    @POST
    @RolesAllowed(Role.ADMIN)
    @Path("admin/users")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response createUser(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("role") String role) {
        try {
            AppUser user = access.createUser(username, password, Role.parse(role));
            return back("User " + user.username + " can sign in now.");
        } catch (BadRequest e) {
            return rejected(new Rejected("user", e.getMessage(), username, role), Response.Status.BAD_REQUEST);
        } catch (DuplicateNameException e) {
            return rejected(new Rejected("user", e.getMessage(), username, role), Response.Status.CONFLICT);
        }
    }

    @POST
    @RolesAllowed(Role.ADMIN)
    @Path("admin/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response createToken(@FormParam("name") String name, @FormParam("role") String role) {
        try {
            Long creator = access.userId(identity.getPrincipal().getName()).orElse(null);
            AccessService.IssuedToken issued = access.createToken(name, Role.parse(role), creator);
            // The secret is in this answer only: not in a redirect URL, nor ever again.
            return Response.ok(Templates.token(issued.token(), issued.secret()))
                    .header("Cache-Control", "no-store").build();
        } catch (BadRequest e) {
            return rejected(new Rejected("token", e.getMessage(), name, role), Response.Status.BAD_REQUEST);
        }
    }

    @POST
    @RolesAllowed(Role.ADMIN)
    @Path("admin/tokens/{id}/delete")
    public Response deleteToken(@PathParam("id") long id) {
        if (!access.deleteToken(id)) {
            throw PageException.notFound("no API token " + id);
        }
        return back("The token is deleted; requests with it are refused from now on.");
    }

    private TemplateInstance page(String message, Rejected rejected) {
        return Templates.admin(GitRepository.listByName(), access.users(), access.tokens(),
                Arrays.stream(Role.values()).map(Role::name).toList(), message, rejected);
    }

    private Response rejected(Rejected rejected, Response.Status status) {
        return Response.status(status).type(MediaType.TEXT_HTML).entity(page(null, rejected)).build();
    }

    private static Response back(String message) {
        return Response.seeOther(UriBuilder.fromPath("/admin").queryParam("message", message).build()).build();
    }
}
