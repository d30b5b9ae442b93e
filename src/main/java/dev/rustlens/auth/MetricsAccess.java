package dev.rustlens.auth;

import dev.rustlens.config.RustlensConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may scrape {@code /q/metrics} (the policy {@code metrics} in application.properties): an
 * admin's token, unless {@code rustlens.auth.public-metrics} opens it to anyone. Metrics tell how
 * busy the server is and which pages are slow, which is not for every reader of the dashboard.
 */
@ApplicationScoped
public class MetricsAccess implements HttpSecurityPolicy {

    private final RustlensConfig config;

    public MetricsAccess(RustlensConfig config) {
        this.config = config;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext requestContext) {
        if (config.auth().publicMetrics()) {
            return CheckResult.permit();
        }
        return identity.map(caller -> caller.hasRole(Role.ADMIN) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return "metrics";
    }
}
