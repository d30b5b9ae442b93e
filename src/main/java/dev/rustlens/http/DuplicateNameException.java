package dev.rustlens.http;

/** A name already taken (a repository's, a user's): the request conflicts with what is stored, a 409. */
public final class DuplicateNameException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A conflict told in words the caller can act on. */
    public DuplicateNameException(String message) {
        super(message);
    }
}
