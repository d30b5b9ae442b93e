package dev.rustlens.accuracy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One corpus crate of the comparison and how clippy builds it, as a line of
 * {@code accuracy/crates.txt} says.
 *
 * @param directory the crate's directory in Debian's registry ({@code memchr-2.5.0})
 * @param features cargo's feature arguments, for both runs
 * @param allTargets the target selection of the all-targets run
 * @param debianPackages Debian packages of dev-dependencies the system registry lacks
 * @param droppedDevDependencies dev-dependencies deleted from the copy's manifest
 */
record CorpusCrate(String directory, List<String> features, List<String> allTargets, List<String> debianPackages,
        List<String> droppedDevDependencies) {

    static final String RESOURCE = "/accuracy/crates.txt";

    /** The crates listed in the resource, in order. */
    static List<CorpusCrate> listed() {
        try (InputStream in = CorpusCrate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CorpusCrate> parse(String text) {
        List<CorpusCrate> crates = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\|", -1);
            if (fields.length != 4) {
                throw new IllegalArgumentException("expected 4 fields separated by |: " + line);
            }
            List<String> debian = new ArrayList<>();
            List<String> drops = new ArrayList<>();
            for (String option : words(fields[3])) {
                String[] pair = option.split("=", 2);
                List<String> values = pair.length == 2 ? Arrays.asList(pair[1].split(",")) : List.of();
                switch (pair[0]) {
                    case "debian" -> debian.addAll(values);
                    case "drop" -> drops.addAll(values);
                    default -> throw new IllegalArgumentException("unknown option " + option + ": " + line);
                }
            }
            crates.add(new CorpusCrate(fields[0].strip(), words(fields[1]), words(fields[2]), List.copyOf(debian),
                    List.copyOf(drops)));
        }
        return List.copyOf(crates);
    }

    private static List<String> words(String field) {
        return field.isBlank() ? List.of() : List.of(field.strip().split("\\s+"));
    }
}
