package dev.rustlens.auth;

import dev.rustlens.config.RustlensConfig;
import dev.rustlens.gitrepo.RepositoryService.DuplicateNameException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
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
    private static final int MIN_PASSWORD_LENGTH = 10;

    /** Who presented a secret: a user (through a session) or a token, and their role. */
    public record Principal(String name, Role role) {
    }

    /** A token just created: the only time its secret is known. */
    public record IssuedToken(ApiToken token, String secret) {
    }

    private final RustlensConfig config;

    public AccessService(RustlensConfig config) {
        this.config = config;
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
            return new Principal("token:" + token.name, token.role);
        });
    }

    /** The user signed in with a session cookie, if the session exists and has not expired. */
    @Transactional
    public Optional<Principal> bySession(String sessionId) {
        return UserSession.<UserSession>findByIdOptional(sessionHash(sessionId))
                .filter(session -> session.expiresAt.isAfter(OffsetDateTime.now()))
                .map(session -> new Principal(session.user.username, session.user.role));
    }

    /** A new session for a user whose password matches, or empty. */
    @Transactional
    public Optional<String> signIn(String username, String password) {
        Optional<AppUser> user = username == null ? Optional.empty() : AppUser.findByUsername(username.strip());
        if (user.isEmpty() || password == null || !PasswordHashes.matches(password, user.get().passwordHash)) {
            return Optional.empty();
        }
        UserSession.delete("expiresAt < ?1", OffsetDateTime.now());
        String sessionId = Secrets.newSecret("rls_");
        UserSession session = new UserSession();
        session.idHash = sessionHash(sessionId);
        session.user = user.get();
        session.expiresAt = OffsetDateTime.now().plus(config.auth().sessionLifetime());
        session.persist();
        return Optional.of(sessionId);
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
            throw new IllegalArgumentException("username must be 1 to 64 letters, digits or . _ @ -");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (AppUser.findByUsername(username.strip()).isPresent()) {
            throw new DuplicateNameException("a user named '" + username.strip() + "' exists already");
        }
        AppUser user = new AppUser();
        user.username = username.strip();
        user.passwordHash = PasswordHashes.hash(password);
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

    /** Stores a token whose secret comes from configuration, unless it is stored already. */
    @Transactional
    public void acceptToken(String name, String secret) {
        if (ApiToken.findByToken(secret).isEmpty()) {
            storeToken(name, Role.admin, null, secret);
        }
    }

    private static ApiToken storeToken(String name, Role role, Long createdBy, String secret) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("token name is required (at most 100 characters)");
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

    @Transactional
    public boolean deleteToken(long id) {
        return ApiToken.deleteById(id);
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
