package dev.rustlens.analysis.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.rustlens.analysis.cargo.CargoManifest;
import dev.rustlens.analysis.cargo.CrateInfo;
import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.CrateCheck;
import dev.rustlens.analysis.check.CrateContext;
import dev.rustlens.analysis.check.Severity;
import java.util.Optional;

/** No Cargo.lock committed where Cargo reads it, or one that is not a lock file. */
public final class CargoLockMissingCheck extends CrateCheck {

    private static final CheckInfo INFO = CheckInfo.of("cargo_lock_missing",
            "Cargo.lock is not committed or does not parse", Category.BUILD, Severity.MAJOR);

    /** Made on first use: loading the checks stays quick, and most scans read no lock file. */
    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper();
    }

    public CargoLockMissingCheck() {
        super(INFO);
    }

    @Override
    public boolean needsRepositoryFiles(CrateContext crate) {
        return true; // a published crate's archive never holds its lock file
    }

    @Override
    public void check(CrateContext crate) {
        CrateInfo info = crate.crate();
        // Cargo keeps one lock for a whole workspace, beside the workspace's manifest.
        String directory = info.workspace().map(CargoManifest::directory).orElse(info.directory());
        String lock = directory.isEmpty() ? "Cargo.lock" : directory + "/Cargo.lock";
        String manifest = info.manifest().path();
        if (!crate.repositoryHas(lock)) {
            String where = info.workspace().isPresent() ? " at the workspace root (" + lock + ")" : "";
            crate.report(this, manifest, "no Cargo.lock is committed" + where + ": builds of `" + info.name()
                    + "` pick dependency versions afresh each time, so they are not reproducible");
            return;
        }
        // A lock too large to read is left alone rather than guessed at.
        crate.readText(lock).flatMap(CargoLockMissingCheck::problemOf)
                .ifPresent(problem -> crate.report(this, manifest, lock + " " + problem));
    }

    /** What makes a lock file's text unusable, if anything. */
    private static Optional<String> problemOf(String text) {
        JsonNode root;
        try {
            root = Toml.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            return Optional.of("does not parse as TOML" + line + " (" + e.getOriginalMessage()
                    + "): Cargo will refuse it; regenerate it with `cargo generate-lockfile`");
        }
        boolean lockFile = root != null && (root.has("version") || root.path("package").isArray());
        return lockFile ? Optional.empty()
                : Optional.of("has neither a `version` nor [[package]] entries: it is not a Cargo lock file");
    }
}
