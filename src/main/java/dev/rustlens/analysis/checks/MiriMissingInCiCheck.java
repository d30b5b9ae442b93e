package dev.rustlens.analysis.checks;

import dev.rustlens.analysis.check.Category;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.CrateCheck;
import dev.rustlens.analysis.check.CrateContext;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.analysis.check.VerificationEvidence.Kind;

/** A crate with unsafe code while no CI configuration of the repository runs Miri. */
public final class MiriMissingInCiCheck extends CrateCheck {

    private static final CheckInfo INFO = CheckInfo.of("miri_missing_in_ci",
            "Crate with unsafe code is not run under Miri in CI", Category.UNSAFE, Severity.MAJOR);

    public MiriMissingInCiCheck() {
        super(INFO);
    }

    @Override
    public boolean needsRepositoryFiles(CrateContext crate) {
        // An archive that ships its CI configuration (some do) is asked; one without is not.
        return crate.ciConfigurations().isEmpty();
    }

    @Override
    public void check(CrateContext crate) {
        if (!crate.hasUnsafe() || crate.evidence().stream().anyMatch(evidence -> evidence.kind() == Kind.MIRI)) {
            return;
        }
        String ci = crate.ciConfigurations().isEmpty()
                ? "the repository has no CI configuration (.github/workflows/, .gitlab-ci.yml, ..)"
                : "none of the repository's CI configurations (" + String.join(", ", crate.ciConfigurations().keySet())
                        + "), nor the scripts and targets they run, runs Miri";
        crate.report(this, crate.crate().manifest().path(), "crate `" + crate.crate().name()
                + "` has unsafe code but " + ci + ": add a job that runs `cargo +nightly miri test`");
    }
}
