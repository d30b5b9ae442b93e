package dev.rustlens.web;

import dev.rustlens.auth.SecretAuthentication;
import dev.rustlens.http.Answers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses cross-site request forgery with a strict Origin check: a request that changes something
 * and that a browser could send from another site (a page form, or an API call carrying the
 * session cookie) must come with an {@code Origin} (or, lacking one, a {@code Referer}) whose host
 * and port are this server's, as the request names it ({@code Host}, or {@code :authority} over HTTP/2). {@code SameSite=Lax} alone lets
 * any same-site origin (a sibling subdomain) post. A request with an {@code Authorization} header
 * is exempt: no other site can make a browser send one.
 */
public class SameOriginCheck {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod()) || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        boolean page = !Answers.isApi(request.getUriInfo().getPath());
        if (!page && !request.getCookies().containsKey(SecretAuthentication.SESSION_COOKIE)) {
            return null; // a script without ambient credentials: nothing to forge
        }
        String source = request.getHeaderString("Origin");
        if (source == null || source.isBlank()) {
            source = request.getHeaderString("Referer");
        }
        // The authority the request was sent to: its Host header, or :authority over HTTP/2.
        String host = request.getUriInfo().getRequestUri().getRawAuthority();
        if (source != null && host != null && host.equalsIgnoreCase(authority(source))) {
            return null;
        }
        return Answers.answer(request.getUriInfo(), Response.Status.FORBIDDEN, "cross-site request refused:"
                + " a form or a signed-in browser request must come from a page of this server (its Origin header)");
    }

    /** The host and port an origin or URL names, as written; empty for "null" or a malformed one. */
    private static String authority(String url) {
        try {
            String authority = new URI(url.strip()).getRawAuthority();
            return authority == null ? "" : authority;
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
