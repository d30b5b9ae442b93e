package dev.rustlens.auth;

import dev.rustlens.config.RustlensConfig;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.DuplicateNameException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Users, API tokens and page sessions: creating them and recognising their secrets. */
@ApplicationScoped
public class AccessService {

    /** Prefix of API tokens, so that leaked ones are recognisable. */
    static final String TOKEN_PREFIX = "rlt_";
    static final int MIN_PASSWORD_LENGTH = 10;

    /**
     * Who presented a secret: a user (through a session) or a token, their role, and the author
     * their changes are recorded under (the user, or the token's owner).
     */
    public record Principal(String name, Role role, String author) {
    }

    /** A token just created: the only time its secret is known. */
    public record IssuedToken(ApiToken token, String secret) {
    }

    /** The name of the token set up from {@code rustlens.admin.token}. */
    static final String CONFIGURED_TOKEN_NAME = "configured admin token";
    /** The name of the token made with the first administrator when none is configured. */
    static final String FIRST_TOKEN_NAME = "first admin token";
    /** Any constant serialises the instances starting together: one takes the lock, the others wait. */
    private static final long BOOTSTRAP_LOCK = 0x7275_7374_6c65_6e73L;

    private final RustlensConfig config;
    private final SignInGuard guard;
    private final EntityManager entityManager;
    /** Checked when the user is unknown, so that an unknown user takes as long as a wrong password. */
    private volatile String decoyHash;

    public AccessService(RustlensConfig config, SignInGuard guard, EntityManager entityManager) {
        this.config = config;
        this.guard = guard;
        this.entityManager = entityManager;
    }

    /** The holder of an API token, recording that the token was used. */
    @Transactional
    public Optional<Principal> byToken(String secret) {
        return ApiToken.findByToken(secret).map(token -> {
            OffsetDateTime now = OffsetDateTime.now();
            // At most one write a minute per token: a busy script should not turn reads into writes.
            if (token.lastUsedAt == null || token.lastUsedAt.isBefore(now.minusMinutes(1))) {
                token.lastUsedAt = now;
            }
            String owner = token.createdBy == null ? null
                    : AppUser.<AppUser>findByIdOptional(token.createdBy).map(user -> user.username).orElse(null);
            return new Principal("token:" + token.name, token.role, owner == null ? "token:" + token.name : owner);
        });
    }

    /** The user signed in with a session cookie, if the session exists and has not expired. */
    @Transactional
    public Optional<Principal> bySession(String sessionId) {
        return UserSession.<UserSession>findByIdOptional(sessionHash(sessionId))
                .filter(session -> session.expiresAt.isAfter(OffsetDateTime.now()))
                .map(session -> new Principal(session.user.username, session.user.role, session.user.username));
    }

    /**
     * A new session for a user whose password matches, or empty. An unknown user costs a password
     * check too, so that the time taken does not tell which user names exist; the check runs
     * outside any transaction, in one of the guard's few slots.
     */
    public Optional<String> signIn(String username, String password) {
        String name = username == null ? "" : username.strip();
        Optional<String> stored = QuarkusTransaction.requiringNew()
                .call(() -> AppUser.findByUsername(name).map(user -> user.passwordHash));
        String checked = password == null ? "" : password;
        boolean matches = guard.hashing(() -> PasswordHashes.matches(checked, stored.orElseGet(this::decoyHash)));
        if (!matches || stored.isEmpty() || password == null) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            UserSession.delete("expiresAt < ?1", OffsetDateTime.now());
            String sessionId = Secrets.newSecret("rls_");
            UserSession session = new UserSession();
            session.idHash = sessionHash(sessionId);
            session.user = AppUser.findByUsername(name).orElseThrow();
            session.expiresAt = OffsetDateTime.now().plus(config.auth().sessionLifetime());
            session.persist();
            return Optional.of(sessionId);
        });
    }

    private String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            hash = PasswordHashes.hash(Secrets.newSecret(""));
            decoyHash = hash;
        }
        return hash;
    }

    /** Ends a session; unknown ids are ignored. */
    @Transactional
    public void signOut(String sessionId) {
        UserSession.deleteById(sessionHash(sessionId));
    }

    /** A new user; the password must be at least 10 characters. */
    @Transactional
    public AppUser createUser(String username, String password, Role role) {
        if (username == null || !username.strip().matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new BadRequest("username must be 1 to 64 letters, digits or . _ @ -");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new BadRequest("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (AppUser.findByUsername(username.strip()).isPresent()) {
            throw new DuplicateNameException("a user named '" + username.strip() + "' exists already");
        }
        AppUser user = new AppUser();
        user.username = username.strip();
        user.passwordHash = guard.hashing(() -> PasswordHashes.hash(password));
        user.role = role;
        user.persist();
        return user;
    }

    /** A new API token with a fresh random secret. */
    @Transactional
    public IssuedToken createToken(String name, Role role, Long createdBy) {
        String secret = Secrets.newSecret(TOKEN_PREFIX);
        return new IssuedToken(storeToken(name, role, createdBy, secret), secret);
    }

    /**
     * What a start-up's bootstrap did, for the log: {@code generatedToken} is the secret of the admin
     * token made with the first administrator when no token was configured.
     */
    public record Bootstrap(boolean createdAdmin, boolean tokenRevoked, Optional<String> generatedToken) {
    }

    /**
     * Sets up the first administrator when no user exists, with an admin token of its own when none
     * is configured, and the configured admin token unless it is stored already or was revoked.
     * Instances starting together take turns (a PostgreSQL advisory lock held by the transaction),
     * so only one creates anything.
     */
    @Transactional
    public Bootstrap bootstrap(String username, String password, Optional<String> token) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, BOOTSTRAP_LOCK)
                .getSingleResult();
        boolean created = false;
        Optional<String> generated = Optional.empty();
        if (AppUser.count() == 0) {
            createUser(username, password, Role.admin);
            created = true;
            if (token.isEmpty()) {
                generated = Optional.of(createToken(FIRST_TOKEN_NAME, Role.admin, null).secret());
            }
        }
        boolean revoked = false;
        if (token.isPresent()) {
            revoked = isRevoked(token.get());
            if (!revoked && ApiToken.findByToken(token.get()).isEmpty()) {
                storeToken(CONFIGURED_TOKEN_NAME, Role.admin, null, token.get());
            }
        }
        return new Bootstrap(created, revoked, generated);
    }

    private boolean isRevoked(String secret) {
        return !entityManager.createNativeQuery("select 1 from revoked_token where token_hash = ?1")
                .setParameter(1, Secrets.digest(secret)).getResultList().isEmpty();
    }

    private static ApiToken storeToken(String name, Role role, Long createdBy, String secret) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new BadRequest("token name is required (at most 100 characters)");
        }
        ApiToken token = new ApiToken();
        token.name = name.strip();
        token.tokenHash = Secrets.digest(secret);
        token.role = role;
        token.createdBy = createdBy;
        token.persist();
        return token;
    }

    @Transactional
    public List<ApiToken> tokens() {
        return ApiToken.listAll(Sort.by("id"));
    }

    /**
     * Deletes a token and remembers its digest as revoked, so that a token set in the
     * configuration is not set up again at the next start.
     */
    @Transactional
    public boolean deleteToken(long id) {
        ApiToken token = ApiToken.findById(id);
        if (token == null) {
            return false;
        }
        entityManager.createNativeQuery("insert into revoked_token (token_hash) values (?1) on conflict do nothing")
                .setParameter(1, token.tokenHash).executeUpdate();
        token.delete();
        return true;
    }

    @Transactional
    public List<AppUser> users() {
        return AppUser.listAll(Sort.by("username"));
    }

    @Transactional
    public Optional<Long> userId(String username) {
        return AppUser.findByUsername(username).map(user -> user.id);
    }

    private static String sessionHash(String sessionId) {
        return HexFormat.of().formatHex(Secrets.digest(sessionId));
    }
}
