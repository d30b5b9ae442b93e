package dev.rustlens.coverage;

import dev.rustlens.http.BadRequest;

/** A coverage report that cannot be read; the message names the line at fault. */
public final class MalformedCoverageException extends BadRequest {

    private static final long serialVersionUID = 1L;

    MalformedCoverageException(String format, long line, String problem) {
        super(format + " report, line " + line + ": " + problem);
    }
}
