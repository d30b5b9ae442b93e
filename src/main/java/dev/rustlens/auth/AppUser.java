package dev.rustlens.auth;

import dev.rustlens.database.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A person who signs in to the pages with a password. */
@Entity
@Table(name = "app_user")
public class AppUser extends IdentityEntity {

    public String username;

    /** See {@link PasswordHashes}. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static Optional<AppUser> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
