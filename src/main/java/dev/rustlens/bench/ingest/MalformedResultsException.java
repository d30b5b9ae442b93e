package dev.rustlens.bench.ingest;

/** An upload that cannot be read; the message names the file and the field at fault. */
public final class MalformedResultsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MalformedResultsException(String file, String problem) {
        super(file + ": " + problem);
    }
}
