package dev.rustlens.auth;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Finds the secret a request presents: an {@code Authorization: Bearer} API token (scripts) or the
 * session cookie set at sign-in (pages). Requests with neither are anonymous.
 */
@ApplicationScoped
public class SecretAuthentication implements HttpAuthenticationMechanism {

    /** The cookie that carries a page session. */
    public static final String SESSION_COOKIE = "rustlens_session";
    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return identities.authenticate(new SecretRequest(SecretRequest.Kind.token,
                    authorization.substring(BEARER.length()).strip()));
        }
        Cookie session = context.request().getCookie(SESSION_COOKIE);
        if (session != null && !session.getValue().isEmpty()) {
            return identities.authenticate(new SecretRequest(SecretRequest.Kind.session, session.getValue()));
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"rustlens\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SecretRequest.class);
    }
}
