package dev.rustlens.auth;

import dev.rustlens.config.RustlensConfig;
import dev.rustlens.database.DatabaseErrors;
import dev.rustlens.http.Answers;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Resolves who is calling before a page or read endpoint runs: pages learn who is signed in, and
 * when reads need a sign-in ({@code rustlens.auth.reads-need-login}) anonymous callers are refused.
 * Writes are guarded by {@code @RolesAllowed} on each endpoint.
 */
public class AccessFilter {

    private final RustlensConfig config;
    private final CurrentIdentityAssociation identities;
    private final SignedIn signedIn;

    public AccessFilter(RustlensConfig config, CurrentIdentityAssociation identities, SignedIn signedIn) {
        this.config = config;
        this.identities = identities;
        this.signedIn = signedIn;
    }

    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean api = Answers.isApi(path);
        boolean needsLogin = config.auth().readsNeedLogin() && !path.equals("/login");
        if (api && !needsLogin) {
            return Uni.createFrom().nullItem(); // the endpoint's own role check authenticates if it must
        }
        return identities.getDeferredIdentity().onItemOrFailure().transform((identity, failure) -> {
            if (failure != null && DatabaseErrors.trouble(failure).isPresent()) {
                return Answers.databaseTrouble(failure, request.getUriInfo()); // the secret could not be looked up
            }
            if (failure != null) {
                // A bad token or an expired session: refused where a sign-in is needed, anonymous elsewhere.
                return needsLogin || api ? Answers.unauthenticated(request, failure.getMessage()) : null;
            }
            if (!api) {
                signedIn.set(identity);
            }
            return needsLogin && identity.isAnonymous()
                    ? Answers.unauthenticated(request, "sign in or send an API token") : null;
        });
    }
}
