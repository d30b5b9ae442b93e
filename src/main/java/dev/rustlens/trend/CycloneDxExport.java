package dev.rustlens.trend;

import dev.rustlens.trend.DependencyReports.AdvisoryRef;
import dev.rustlens.trend.DependencyReports.Dependency;
import dev.rustlens.trend.DependencyReports.DependencyReport;
import dev.rustlens.trend.DependencyReports.Exposure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.json.BomJsonGenerator;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.vulnerability.Vulnerability;

/**
 * A scan's locked packages as a CycloneDX 1.6 SBOM: one component per package version with its
 * package URL ({@code pkg:cargo/name@version}), its lock file checksum as a SHA-256 hash, its scope
 * (dev-only packages are excluded from what ships) and its unsafe exposure as {@code rustlens:}
 * properties; the dependency graph; and each advisory that affects a locked version as a
 * vulnerability with its source, aliases, CVSS vector, fix and the components it affects.
 */
final class CycloneDxExport {

    private CycloneDxExport() {
    }

    /** The SBOM as JSON. */
    static String of(DependencyReport report) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(("rustlens-scan-" + report.scanId() + "-"
                + report.advisoryDatabase()).getBytes(StandardCharsets.UTF_8)));
        bom.setMetadata(metadata(report));
        Map<String, Component> components = new LinkedHashMap<>();
        Map<String, Dependency> byKey = new LinkedHashMap<>();
        for (Dependency dependency : report.packages()) {
            components.computeIfAbsent(dependency.key(), key -> component(dependency));
            byKey.putIfAbsent(dependency.key(), dependency);
        }
        bom.setComponents(new ArrayList<>(components.values()));
        List<org.cyclonedx.model.Dependency> graph = new ArrayList<>();
        for (Dependency dependency : byKey.values()) {
            org.cyclonedx.model.Dependency node = new org.cyclonedx.model.Dependency(purl(dependency));
            for (String child : dependency.dependencies()) {
                Dependency target = byKey.get(child);
                if (target != null) {
                    node.addDependency(new org.cyclonedx.model.Dependency(purl(target)));
                }
            }
            graph.add(node);
        }
        bom.setDependencies(graph);
        bom.setVulnerabilities(vulnerabilities(byKey.values()));
        try {
            return new BomJsonGenerator(bom, Version.VERSION_16).toJsonString();
        } catch (GeneratorException e) {
            throw new IllegalStateException("the CycloneDX writer failed on scan " + report.scanId(), e);
        }
    }

    private static Metadata metadata(DependencyReport report) {
        Metadata metadata = new Metadata();
        metadata.setTimestamp(report.committedAt() == null ? new Date() : Date.from(report.committedAt().toInstant()));
        Component subject = new Component();
        subject.setType(Component.Type.APPLICATION);
        subject.setBomRef("rustlens-repository-" + report.repositoryId());
        subject.setName(report.repository());
        if (report.commit() != null) {
            subject.setVersion(report.commit());
        }
        metadata.setComponent(subject);
        metadata.addProperty(new Property("rustlens:scan", Long.toString(report.scanId())));
        metadata.addProperty(new Property("rustlens:branch", report.branch()));
        if (report.advisoryDatabase() != null) {
            metadata.addProperty(new Property("rustlens:advisory-database-revision", report.advisoryDatabase()));
        }
        return metadata;
    }

    private static Component component(Dependency dependency) {
        Component component = new Component();
        component.setType(Component.Type.LIBRARY);
        component.setBomRef(purl(dependency));
        component.setName(dependency.name());
        component.setVersion(dependency.version());
        component.setPurl(purl(dependency));
        component.setScope("dev".equals(dependency.kind()) ? Component.Scope.EXCLUDED : Component.Scope.REQUIRED);
        if (dependency.checksum() != null) {
            component.addHash(new Hash(Hash.Algorithm.SHA_256, dependency.checksum()));
        }
        component.addProperty(new Property("rustlens:source", dependency.sourceKind()));
        component.addProperty(new Property("rustlens:kind", dependency.kind()));
        component.addProperty(new Property("rustlens:depth", Integer.toString(dependency.depth())));
        Exposure exposure = dependency.exposure();
        component.addProperty(new Property("rustlens:analysis", exposure.status()));
        if (exposure.unsafeBlocks() != null) {
            component.addProperty(new Property("rustlens:unsafe-blocks", exposure.unsafeBlocks().toString()));
            component.addProperty(new Property("rustlens:unsafe-functions",
                    Integer.toString(exposure.unsafeFunctions() + exposure.unsafeMethods())));
            component.addProperty(new Property("rustlens:unsafe-impls-and-traits",
                    Integer.toString(exposure.unsafeImpls() + exposure.unsafeTraits())));
            component.addProperty(new Property("rustlens:forbids-unsafe", exposure.forbidsUnsafe().toString()));
            component.addProperty(new Property("rustlens:unsafe-rating", exposure.unsafeRating()));
        }
        return component;
    }

    /** The package URL of a crates.io package (purl-spec's cargo type); other sources say where they come from. */
    static String purl(Dependency dependency) {
        String base = "pkg:cargo/" + URLEncoder.encode(dependency.name(), StandardCharsets.UTF_8) + "@"
                + URLEncoder.encode(dependency.version(), StandardCharsets.UTF_8);
        if (dependency.source() != null && dependency.source().startsWith("git+")) {
            return base + "?vcs_url=" + URLEncoder.encode(dependency.source().substring("git+".length()),
                    StandardCharsets.UTF_8);
        }
        if ("path".equals(dependency.sourceKind())) {
            return base + "?rustlens_source=path";
        }
        return base;
    }

    private static List<Vulnerability> vulnerabilities(Iterable<Dependency> packages) {
        Map<String, Vulnerability> byId = new LinkedHashMap<>();
        for (Dependency dependency : packages) {
            for (AdvisoryRef advisory : dependency.advisories()) {
                Vulnerability vulnerability = byId.computeIfAbsent(advisory.id(), id -> vulnerability(advisory));
                Vulnerability.Affect affect = new Vulnerability.Affect();
                affect.setRef(purl(dependency));
                List<Vulnerability.Affect> affects = vulnerability.getAffects() == null ? new ArrayList<>()
                        : new ArrayList<>(vulnerability.getAffects());
                affects.add(affect);
                vulnerability.setAffects(affects);
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static Vulnerability vulnerability(AdvisoryRef advisory) {
        Vulnerability vulnerability = new Vulnerability();
        vulnerability.setBomRef("advisory-" + advisory.id());
        vulnerability.setId(advisory.id());
        vulnerability.setSource(source("RustSec", advisory.url()));
        List<Vulnerability.Reference> references = new ArrayList<>();
        for (String alias : advisory.aliases()) {
            Vulnerability.Reference reference = new Vulnerability.Reference();
            reference.setId(alias);
            reference.setSource(alias.startsWith("CVE-") ? source("NVD", "https://nvd.nist.gov/vuln/detail/" + alias)
                    : source("GitHub Advisory Database", "https://github.com/advisories/" + alias));
            references.add(reference);
        }
        if (!references.isEmpty()) {
            vulnerability.setReferences(references);
        }
        if (advisory.cvss() != null) {
            Vulnerability.Rating rating = new Vulnerability.Rating();
            rating.setSource(source("RustSec", advisory.url()));
            rating.setVector(advisory.cvss());
            rating.setMethod(advisory.cvss().startsWith("CVSS:3.1") ? Vulnerability.Rating.Method.CVSSV31
                    : advisory.cvss().startsWith("CVSS:4") ? Vulnerability.Rating.Method.CVSSV4
                    : Vulnerability.Rating.Method.CVSSV3);
            vulnerability.setRatings(List.of(rating));
        }
        vulnerability.setDescription(advisory.title());
        vulnerability.setRecommendation(advisory.fixedVersions().isEmpty() ? "No fixed version is published."
                : "Upgrade to a version matching " + String.join(" or ", advisory.fixedVersions()) + ".");
        vulnerability.setProperties(List.of(new Property("rustlens:rule", advisory.rule())));
        return vulnerability;
    }

    private static Vulnerability.Source source(String name, String url) {
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName(name);
        source.setUrl(url);
        return source;
    }
}
