package dev.rustlens.analysis.advisories;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One RustSec advisory: its front matter ({@code [advisory]}, {@code [affected]},
 * {@code [versions]}) and its Markdown title and description.
 *
 * @param id the advisory's id ({@code RUSTSEC-2023-0001})
 * @param packageName the crates.io package it concerns (the front matter's {@code package})
 * @param title the text of the Markdown's first {@code # } heading
 * @param description the Markdown after the title, trimmed
 * @param date the disclosure date
 * @param url a long-form description of the issue
 * @param references further links
 * @param aliases the same vulnerability's other ids (CVE, GHSA)
 * @param related ids of related vulnerabilities (say of a C library a {@code -sys} crate wraps)
 * @param categories RustSec's categories ({@code memory-corruption}, {@code denial-of-service}, ...)
 * @param keywords free keywords
 * @param cvss the CVSS vector ({@code CVSS:3.1/AV:N/...})
 * @param informational the kind of informational advisory ({@code unsound}, {@code unmaintained},
 *     {@code notice}, ...); empty for a vulnerability
 * @param withdrawn when the advisory was withdrawn; a withdrawn advisory matches nothing
 * @param patched requirements of the versions that have the fix
 * @param unaffected requirements of the versions that never had the problem
 * @param functions affected function paths and the requirements of the versions in which they are affected
 * @param os the operating systems affected; empty for all
 * @param arch the CPU architectures affected; empty for all
 * @param path the advisory's file in the database ({@code crates/tokio/RUSTSEC-2023-0001.md})
 */
public record Advisory(String id, String packageName, String title, String description, LocalDate date, Optional<String> url,
        List<String> references, List<String> aliases, List<String> related, List<String> categories,
        List<String> keywords, Optional<String> cvss, Optional<String> informational, Optional<LocalDate> withdrawn,
        List<CargoVersionReq> patched, List<CargoVersionReq> unaffected, Map<String, List<String>> functions,
        List<String> os, List<String> arch, String path) {

    /**
     * The id of the finding a match reports: {@code advisory_vulnerability},
     * {@code advisory_unsound}, {@code advisory_unmaintained}, or {@code advisory_notice} for
     * notices and any informational kind RustSec adds later.
     */
    public String checkId() {
        return informational.map(kind -> switch (kind) {
            case "unsound" -> "advisory_unsound";
            case "unmaintained" -> "advisory_unmaintained";
            default -> "advisory_notice";
        }).orElse("advisory_vulnerability");
    }

    /** RustSec's page of the advisory with this id, which every finding, export and page links. */
    public static String page(String id) {
        return "https://rustsec.org/advisories/" + id;
    }

    /** The patched requirements as written ({@code >= 1.2.3, < 1.3.0}); empty when no fix exists. */
    public List<String> fixedVersions() {
        return patched.stream().map(CargoVersionReq::text).toList();
    }

    /** The unaffected requirements as written. */
    public List<String> unaffectedVersions() {
        return unaffected.stream().map(CargoVersionReq::text).toList();
    }

    /** Whether a version of the package is affected: it matches no patched and no unaffected requirement. */
    public boolean affects(CargoVersion version) {
        return patched.stream().noneMatch(req -> req.matches(version))
                && unaffected.stream().noneMatch(req -> req.matches(version));
    }
}
