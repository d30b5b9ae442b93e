package dev.rustlens.http;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who a change is recorded as made by: the signed-in user, or the owner of the API token used
 * (the token's own name for the configured token, which has no owner); never what a client says.
 */
public final class Author {

    /** The identity attribute that names the author when it is not the principal's name (a token's owner). */
    public static final String ATTRIBUTE = "author";

    private Author() {
    }

    /** The author of what {@code identity} does. */
    public static String of(SecurityIdentity identity) {
        String author = identity.getAttribute(ATTRIBUTE);
        return author != null ? author : identity.getPrincipal().getName();
    }
}
