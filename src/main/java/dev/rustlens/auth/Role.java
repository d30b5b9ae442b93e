package dev.rustlens.auth;

import dev.rustlens.http.BadRequest;
import dev.rustlens.text.Echo;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a user or token may do; each role includes the ones before it. */
public enum Role {
    /** Reads everything (when reads need a sign-in at all). */
    viewer,
    /** Scans, uploads benchmarks and archives, edits repositories, gates and triage. */
    maintainer,
    /** Manages users, API tokens and settings. */
    admin;

    /** Role names for {@code @RolesAllowed}, which needs constants. */
    public static final String VIEWER = "viewer";
    public static final String MAINTAINER = "maintainer";
    public static final String ADMIN = "admin";

    /** The role names a holder of this role has: its own and every lesser one. */
    public Set<String> granted() {
        return Arrays.stream(values()).filter(role -> role.ordinal() <= ordinal()).map(Role::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The role named {@code name}, case-insensitively; a clear error for anything else. */
    public static Role parse(String name) {
        if (name == null || name.isBlank()) {
            throw new BadRequest("role is required: viewer, maintainer or admin");
        }
        try {
            return valueOf(name.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("unknown role " + Echo.quoted(name) + ": use viewer, maintainer or admin", e);
        }
    }
}
