package dev.rustlens.accuracy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The cargo-geiger-rules oracle ({@code src/test/rust/geiger-oracle}, a {@code syn} visitor built
 * offline against Debian's librust-syn-dev): built once into the shared cargo target directory,
 * then run on each crate copy.
 */
final class GeigerOracle {

    static final Path PROJECT = Path.of("src/test/rust/geiger-oracle");

    private final Path binary;
    private final Path logs;

    private GeigerOracle(Path binary, Path logs) {
        this.binary = binary;
        this.logs = logs;
    }

    /** Builds the oracle (cargo does nothing when it is up to date); its logs go to {@code logs}. */
    static GeigerOracle build(Path cargoTarget, Path logs) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Path target = cargoTarget.toAbsolutePath();
        Commands.run(List.of("cargo", "build", "--release", "--quiet"), PROJECT, Map.of("CARGO_TARGET_DIR", target.toString()),
                logs.resolve("geiger-oracle-build.log"), logs.resolve("geiger-oracle-build.stderr"));
        return new GeigerOracle(target.resolve("release/geiger-oracle"), logs);
    }

    /** The oracle's output for every {@code .rs} file under {@code crate}. */
    String run(Path crate) throws IOException, InterruptedException {
        Path output = logs.resolve(crate.getFileName() + ".geiger");
        Commands.run(List.of(binary.toString(), crate.toAbsolutePath().toString()), crate,
                Map.of(), output, logs.resolve(crate.getFileName() + ".geiger.stderr"));
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
