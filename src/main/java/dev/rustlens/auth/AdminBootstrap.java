package dev.rustlens.auth;

import dev.rustlens.config.RustlensConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Sets up the first administrator when no user exists, and accepts the admin API token given in
 * configuration, so that a fresh instance can be used by a script at once. The configured token
 * is a bootstrap credential: deleting it revokes its value for good, across restarts.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private static final int MIN_TOKEN_LENGTH = 24;

    void onStart(@Observes StartupEvent event, RustlensConfig config, AccessService access) {
        RustlensConfig.Admin admin = config.admin();
        admin.token().ifPresent(token -> {
            if (token.length() < MIN_TOKEN_LENGTH) {
                throw new IllegalStateException("rustlens.admin.token (RUSTLENS_ADMIN_TOKEN) must have at least "
                        + MIN_TOKEN_LENGTH + " characters");
            }
        });
        String password = admin.password().orElseGet(() -> Secrets.newSecret("").substring(0, 20));
        AccessService.Bootstrap done = access.bootstrap(admin.username(), password, admin.token());
        if (done.createdAdmin() && admin.password().isPresent()) {
            LOG.infof("created the administrator '%s' with the configured password", admin.username());
        } else if (done.createdAdmin()) {
            // Shown once, like Jenkins's first password: nobody can sign in otherwise.
            LOG.warnf("created the administrator '%s' with the generated password %s;"
                    + " set RUSTLENS_ADMIN_PASSWORD to choose one", admin.username(), password);
        }
        if (done.tokenRevoked()) {
            LOG.warn("RUSTLENS_ADMIN_TOKEN was revoked (its token was deleted) and is not accepted; set a new value"
                    + " to have an admin token again");
        }
    }
}
