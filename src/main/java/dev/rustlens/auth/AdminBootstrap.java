package dev.rustlens.auth;

import dev.rustlens.config.RustlensConfig;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Sets up the first administrator when no user exists, and accepts the admin API token given in
 * configuration, so that a fresh instance can be used by a script at once. The configured token
 * is a bootstrap credential: deleting it revokes its value for good, across restarts. Without a
 * configured token, the first start writes an admin token of its own to {@code admin-token} in the
 * work directory (readable by its owner only), as Jenkins writes its first password to a file.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private static final int MIN_TOKEN_LENGTH = 24;
    /** The file in the work directory that holds the generated admin token. */
    static final String TOKEN_FILE = "admin-token";

    void onStart(@Observes StartupEvent event, RustlensConfig config, AccessService access) {
        RustlensConfig.Admin admin = config.admin();
        Optional<String> misconfiguration = misconfiguration(admin);
        if (misconfiguration.isPresent()) {
            // One line that says what to change, not a stack trace: this is the operator's input.
            LOG.error("rustlens cannot start: " + misconfiguration.get());
            Quarkus.asyncExit(1);
            return;
        }
        String password = admin.password().orElseGet(() -> Secrets.newSecret("").substring(0, 20));
        AccessService.Bootstrap done = access.bootstrap(admin.username(), password, admin.token());
        if (done.createdAdmin() && admin.password().isPresent()) {
            LOG.infof("created the administrator '%s' with the configured password", admin.username());
        } else if (done.createdAdmin()) {
            // Shown once, like Jenkins's first password: nobody can sign in otherwise.
            LOG.warnf("created the administrator '%s' with the generated password %s;"
                    + " set RUSTLENS_ADMIN_PASSWORD to choose one", admin.username(), password);
        }
        done.generatedToken().ifPresent(token -> writeTokenFile(config.workDir().resolve(TOKEN_FILE), token));
        if (done.tokenRevoked()) {
            LOG.warn("RUSTLENS_ADMIN_TOKEN was revoked (its token was deleted) and is not accepted; set a new value"
                    + " to have an admin token again");
        }
        Path tokenFile = config.workDir().resolve(TOKEN_FILE);
        String port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", String.class).orElse("8080");
        LOG.infof("rustlens is up at http://localhost:%s/ : sign in as '%s'; admin API token: %s", port,
                admin.username(), admin.token().isPresent() ? "the value of RUSTLENS_ADMIN_TOKEN"
                        : Files.isReadable(tokenFile) ? "export RUSTLENS_ADMIN_TOKEN=$(cat " + tokenFile + ")"
                                : "none (an admin creates tokens at /admin)");
    }

    /** What is wrong with the administrator's settings, in one line naming the variable to change. */
    static Optional<String> misconfiguration(RustlensConfig.Admin admin) {
        int tokenLength = admin.token().map(String::length).orElse(MIN_TOKEN_LENGTH);
        if (tokenLength < MIN_TOKEN_LENGTH) {
            return Optional.of("RUSTLENS_ADMIN_TOKEN (rustlens.admin.token) must have at least " + MIN_TOKEN_LENGTH
                    + " characters, not " + tokenLength + ", e.g. rlt_ and 48 random hex digits");
        }
        int passwordLength = admin.password().map(String::length).orElse(AccessService.MIN_PASSWORD_LENGTH);
        if (passwordLength < AccessService.MIN_PASSWORD_LENGTH) {
            return Optional.of("RUSTLENS_ADMIN_PASSWORD (rustlens.admin.password) must have at least "
                    + AccessService.MIN_PASSWORD_LENGTH + " characters, not " + passwordLength);
        }
        return Optional.empty();
    }

    private static void writeTokenFile(Path file, String token) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.writeString(Files.createFile(file,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), token + "\n");
            LOG.infof("created an admin API token and wrote it to %s (readable by this user only)", file);
        } catch (FileAlreadyExistsException e) {
            LOG.warnf("could not write the admin API token to %s: another process made the file meanwhile", file);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warnf("could not write the admin API token to %s (%s): create a token at /admin instead", file, e);
        }
    }
}
