package dev.rustlens.analysis.advisories;

/**
 * An advisory file that could not be read, and why.
 *
 * @param path the file in the database ({@code crates/tokio/RUSTSEC-2023-0001.md})
 * @param line the 1-based line at fault (1 when the file as a whole is)
 * @param message what is wrong
 */
public record AdvisoryProblem(String path, int line, String message) {

    @Override
    public String toString() {
        return path + ":" + line + ": " + message;
    }
}
