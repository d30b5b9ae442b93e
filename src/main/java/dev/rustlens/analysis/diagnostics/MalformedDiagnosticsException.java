package dev.rustlens.analysis.diagnostics;

/** A diagnostics stream that cannot be read; the message names the line and what is wrong with it. */
public final class MalformedDiagnosticsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedDiagnosticsException(String message) {
        super(message);
    }
}
