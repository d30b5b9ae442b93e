package dev.rustlens.web;

import dev.rustlens.auth.AccessService;
import dev.rustlens.auth.SecretAuthentication;
import dev.rustlens.auth.SignInGuard;
import dev.rustlens.config.RustlensConfig;
import dev.rustlens.text.Echo;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Signing in to the pages with a user name and password, and signing out. */
@Path("/")
public class LoginPage {

    private final AccessService access;
    private final RustlensConfig config;
    private final SignInGuard guard;

    public LoginPage(AccessService access, RustlensConfig config, SignInGuard guard) {
        this.access = access;
        this.config = config;
        this.guard = guard;
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
            @FormParam("next") String next, UriInfo uri, @Context HttpServerRequest request) {
        String address = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        String shown = username == null ? "" : Echo.prefix(username);
        Optional<Duration> wait = guard.retryAfter(username, address);
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            return Response.status(Response.Status.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, wait.get().toSeconds())
                    .entity(Templates.login(safeNext(next), shown, "Too many failed sign-ins for this user or from"
                            + " this address; try again in " + minutes + (minutes == 1 ? " minute." : " minutes.")))
                    .build();
        }
        Optional<String> session = access.signIn(username, password);
        if (session.isEmpty()) {
            guard.failed(username, address);
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Templates.login(safeNext(next), shown, "The user name or the password is wrong.")).build();
        }
        guard.succeeded(username);
        return Response.seeOther(URI.create(safeNext(next))).cookie(cookie(session.get(), uri, false)).build();
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
