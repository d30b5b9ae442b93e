package dev.rustlens.web;

import dev.rustlens.auth.AccessService;
import dev.rustlens.auth.SecretAuthentication;
import dev.rustlens.config.RustlensConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** Signing in to the pages with a user name and password, and signing out. */
@Path("/")
public class LoginPage {

    private final AccessService access;
    private final RustlensConfig config;

    public LoginPage(AccessService access, RustlensConfig config) {
        this.access = access;
        this.config = config;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String next, String username, String error);
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@QueryParam("next") String next) {
        return Templates.login(safeNext(next), "", null);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("next") String next, UriInfo uri) {
        return access.signIn(username, password)
                .map(session -> Response.seeOther(URI.create(safeNext(next))).cookie(cookie(session, uri, false)).build())
                .orElseGet(() -> Response.status(Response.Status.UNAUTHORIZED)
                        .entity(Templates.login(safeNext(next), username == null ? "" : username,
                                "The user name or the password is wrong."))
                        .build());
    }

    @POST
    @Path("logout")
    public Response signOut(@CookieParam(SecretAuthentication.SESSION_COOKIE) String session, UriInfo uri) {
        if (session != null) {
            access.signOut(session);
        }
        return Response.seeOther(URI.create("/")).cookie(cookie("", uri, true)).build();
    }

    private NewCookie cookie(String value, UriInfo uri, boolean expire) {
        int maxAge = expire ? 0 : (int) config.auth().sessionLifetime().toSeconds();
        return new NewCookie.Builder(SecretAuthentication.SESSION_COOKIE).value(value).path("/").maxAge(maxAge)
                .httpOnly(true).secure("https".equals(uri.getRequestUri().getScheme()))
                // Lax: a form on another site cannot post with the cookie (no cross-site request forgery).
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    /** Only a path on this site: a link to /login must not send people elsewhere after sign-in. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            return "/";
        }
        return next;
    }
}
