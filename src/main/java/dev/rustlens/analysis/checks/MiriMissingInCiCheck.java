package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CiCommands;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.CrateCheck;
import dev.rustlens.analysis.check.CrateContext;
import dev.rustlens.analysis.check.Severity;
import java.util.regex.Pattern;

/** A crate with unsafe code while no CI configuration of the repository runs Miri. */
public final class MiriMissingInCiCheck extends CrateCheck {

    private static final CheckInfo INFO = CheckInfo.of("miri_missing_in_ci",
            "Crate with unsafe code is not run under Miri in CI", Category.UNSAFE, Severity.MAJOR);

    /**
     * A line that runs Miri ({@code cargo miri}, {@code cargo +nightly miri}, {@code cargo-miri}) or
     * installs its component ({@code rustup component add miri}, a {@code components:} list naming
     * it).
     */
    private static final Pattern MIRI = Pattern.compile(
            "\\bcargo\\s+(\\+\\S+\\s+)?miri\\b|\\bcargo-miri\\b|\\bcomponent\\s+add\\b.*\\bmiri\\b"
                    + "|\\bcomponents\\s*:.*\\bmiri\\b");
    /** An xtask's way of running Miri: the word as a string literal, as in {@code .args(["miri", "test"])}. */
    private static final Pattern MIRI_ARGUMENT = Pattern.compile("\"miri\"|\"\\+nightly\"\\s*,\\s*\"miri\"");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void check(CrateContext crate) {
        if (!crate.hasUnsafe() || crate.ciCommands().entrySet().stream()
                .anyMatch(text -> runsMiri(text.getKey(), text.getValue()))) {
            return;
        }
        String ci = crate.ciConfigurations().isEmpty()
                ? "the repository has no CI configuration (.github/workflows/, .gitlab-ci.yml, ..)"
                : "none of the repository's CI configurations (" + String.join(", ", crate.ciConfigurations().keySet())
                        + "), nor the scripts and targets they run, runs Miri";
        crate.report(this, crate.crate().manifest().path(), "crate `" + crate.crate().name()
                + "` has unsafe code but " + ci + ": add a job that runs `cargo +nightly miri test`");
    }

    private static boolean runsMiri(String path, String text) {
        if (path.endsWith(".rs")) {
            return MIRI_ARGUMENT.matcher(text).find() || MIRI.matcher(text).find();
        }
        return CiCommands.commandLines(text).stream().anyMatch(line -> MIRI.matcher(line).find());
    }
}
