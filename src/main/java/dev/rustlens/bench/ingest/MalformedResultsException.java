package dev.rustlens.bench.ingest;

import dev.rustlens.http.BadRequest;
import dev.rustlens.text.Echo;

/** An upload that cannot be read; the message names the file and the field at fault. */
public final class MalformedResultsException extends BadRequest {

    private static final long serialVersionUID = 1L;

    public MalformedResultsException(String file, String problem) {
        super(Echo.prefix(file) + ": " + problem);
    }
}
