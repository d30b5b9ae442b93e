package dev.rustlens.speed;

import dev.rustlens.analysis.advisories.AdvisoryDirectory;
import dev.rustlens.analysis.advisories.AdvisoryMatcher;
import dev.rustlens.analysis.advisories.AdvisoryParser;
import dev.rustlens.analysis.advisories.ParsedDatabase;
import dev.rustlens.analysis.dependencies.LockedPackage;
import dev.rustlens.analysis.dependencies.PackageSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a checkout of the RustSec advisory database and matches 300 locked crates.io packages
 * against it (target, issue 24: under 100 ms): Debian's corpus crates at their versions, and
 * packages the database has advisories about, up to 300, at 0.1.0, so that every lookup has
 * advisories to test. Prints the time of the first (cold) match of all packages and the median of
 * 50 later ones. Arguments: the database's directory, and the corpus directory (default
 * {@code /usr/share/cargo/registry}). See docs/benchmarks.md.
 */
public final class AdvisoryMatchBenchmark {

    private static final int PACKAGES = 300;
    private static final int ROUNDS = 50;
    private static final Pattern CRATE_DIRECTORY = Pattern.compile("(.+)-([0-9]+\\.[0-9]+\\.[0-9]+.*)");
    private static final PackageSource CRATES_IO = PackageSource.parse(
            Optional.of("registry+https://github.com/rust-lang/crates.io-index"));

    private AdvisoryMatchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path database = Path.of(args[0]);
        Path corpus = Path.of(args.length > 1 ? args[1] : "/usr/share/cargo/registry");

        long start = System.nanoTime();
        Map<String, String> files = AdvisoryDirectory.files(database);
        ParsedDatabase parsed = AdvisoryParser.parseAll(files);
        double parseMillis = (System.nanoTime() - start) / 1e6;
        System.out.printf(Locale.ROOT, "read %d files: %d advisories, %d problems in %.0f ms%n", files.size(),
                parsed.advisories().size(), parsed.problems().size(), parseMillis);
        parsed.problems().forEach(problem -> System.out.println("  problem: " + problem));

        start = System.nanoTime();
        AdvisoryMatcher matcher = new AdvisoryMatcher(parsed.advisories());
        System.out.printf(Locale.ROOT, "indexed %d advisories (withdrawn left out) in %.1f ms%n", matcher.count(),
                (System.nanoTime() - start) / 1e6);

        List<LockedPackage> packages = packages(corpus, parsed);
        double cold = matchAll(matcher, packages);
        int matched = packages.stream().mapToInt(pkg -> matcher.matches(pkg).size()).sum();
        double[] rounds = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            rounds[i] = matchAll(matcher, packages);
        }
        Arrays.sort(rounds);
        System.out.printf(Locale.ROOT, "matched %d packages (%d advisories apply): first pass %.2f ms, median of %d"
                + " later passes %.3f ms (target: under 100 ms)%n", packages.size(), matched, cold, ROUNDS,
                rounds[ROUNDS / 2]);
    }

    private static double matchAll(AdvisoryMatcher matcher, List<LockedPackage> packages) {
        long start = System.nanoTime();
        for (LockedPackage pkg : packages) {
            matcher.matches(pkg);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** The corpus crates, then advised packages at 0.1.0 up to {@link #PACKAGES}. */
    private static List<LockedPackage> packages(Path corpus, ParsedDatabase parsed) throws IOException {
        List<LockedPackage> packages = new ArrayList<>();
        try (Stream<Path> crates = Files.list(corpus)) {
            for (Path crate : crates.sorted().toList()) {
                Matcher name = CRATE_DIRECTORY.matcher(crate.getFileName().toString());
                if (name.matches() && packages.size() < PACKAGES) {
                    packages.add(new LockedPackage(name.group(1), name.group(2), CRATES_IO, Optional.empty(), packages.size() + 1));
                }
            }
        }
        Set<String> advised = new TreeSet<>();
        parsed.advisories().forEach(advisory -> advised.add(advisory.packageName()));
        for (String name : advised) {
            if (packages.size() == PACKAGES) {
                break;
            }
            if (packages.stream().noneMatch(pkg -> pkg.name().equals(name))) {
                packages.add(new LockedPackage(name, "0.1.0", CRATES_IO, Optional.empty(), packages.size() + 1));
            }
        }
        return packages;
    }
}
