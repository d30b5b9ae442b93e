package dev.rustlens.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A secret a request presented: an API token or a page session id. */
final class SecretRequest extends BaseAuthenticationRequest {

    /** Where the secret came from. */
    enum Kind {
        token, session
    }

    final Kind kind;
    final String secret;

    SecretRequest(Kind kind, String secret) {
        this.kind = kind;
        this.secret = secret;
    }
}
