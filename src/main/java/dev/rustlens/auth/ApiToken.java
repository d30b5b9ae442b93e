package dev.rustlens.auth;

import dev.rustlens.database.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/** An API token for scripts and CI: only its digest is kept; the token itself is shown once. */
@Entity
@Table(name = "api_token")
public class ApiToken extends IdentityEntity {

    public String name;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    @Enumerated(EnumType.STRING)
    public Role role;

    /** The user who created it; null for the token set up from configuration. */
    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    /** Whether this is the token set up from {@code rustlens.admin.token}; deleting it revokes that value for good. */
    public boolean isConfigured() {
        return createdBy == null && AccessService.CONFIGURED_TOKEN_NAME.equals(name);
    }

    public static Optional<ApiToken> findByToken(String token) {
        return find("tokenHash", (Object) Secrets.digest(token)).firstResultOptional();
    }
}
