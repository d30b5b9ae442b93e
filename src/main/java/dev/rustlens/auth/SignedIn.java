package dev.rustlens.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Who is signed in for the page being rendered, for the layout's header ({@code inject:signedIn}). */
@Named
@RequestScoped
public class SignedIn {

    private String name;
    private boolean admin;

    void set(SecurityIdentity identity) {
        name = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        admin = identity.hasRole(Role.ADMIN);
    }

    /** The user's name, or null when nobody is signed in. */
    public String getName() {
        return name;
    }

    public boolean isAdmin() {
        return admin;
    }
}
