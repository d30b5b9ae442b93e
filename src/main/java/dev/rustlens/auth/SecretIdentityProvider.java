package dev.rustlens.auth;

import dev.rustlens.http.Author;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a presented token or session id into an identity with its roles, or refuses it. */
@ApplicationScoped
public class SecretIdentityProvider implements IdentityProvider<SecretRequest> {

    private final AccessService access;

    public SecretIdentityProvider(AccessService access) {
        this.access = access;
    }

    @Override
    public Class<SecretRequest> getRequestType() {
        return SecretRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SecretRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            AccessService.Principal principal = (request.kind == SecretRequest.Kind.token
                    ? access.byToken(request.secret) : access.bySession(request.secret))
                    .orElseThrow(() -> new AuthenticationFailedException(request.kind == SecretRequest.Kind.token
                            ? "the API token is not valid (it may have been deleted)"
                            : "the session has expired; sign in again"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(principal.name()))
                    .addRoles(principal.role().granted())
                    .addAttribute("role", principal.role())
                    .addAttribute(Author.ATTRIBUTE, principal.author())
                    .build();
        });
    }
}
