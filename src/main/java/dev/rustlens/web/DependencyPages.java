package dev.rustlens.web;

import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.PageException;
import dev.rustlens.trend.DependencyReports;
import dev.rustlens.trend.DependencyReports.Dependency;
import dev.rustlens.trend.DependencyReports.DependencyReport;
import dev.rustlens.trend.DependencyReports.Lockfile;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A repository's dependencies (the tree, a sortable table, the totals in cargo-geiger's terms and
 * the change since the baseline) and the server-wide page of advised versions in use.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DependencyPages {

    private final DependencyReports reports;

    public DependencyPages(DependencyReports reports) {
        this.reports = reports;
    }

    /**
     * One line of the collapsible tree, in document order: it opens a nested list when it has
     * children, and closes {@code closeAfter} nested lists after it.
     *
     * @param repeated a package whose subtree is shown where it first appears (cargo tree's {@code (*)})
     */
    public record TreeLine(String label, String version, String kind, Dependency dependency, boolean member,
            boolean repeated, boolean hasChildren, int level, int closeAfter) {
    }

    /** A lock file's tree. */
    public record Tree(Lockfile lockfile, List<TreeLine> lines) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dependencies(GitRepository repository, DependencyReport report, List<Tree> trees);

        static native TemplateInstance advisories(DependencyReports.ServerAdvisories advisories);
    }

    @GET
    @Path("repositories/{id}/dependencies")
    public TemplateInstance dependencies(@PathParam("id") long id) {
        GitRepository repository = GitRepository.findById(id);
        if (repository == null) {
            throw PageException.notFound("There is no repository " + id + ".");
        }
        Optional<DependencyReport> report = reports.current(id);
        return Templates.dependencies(repository, report.orElse(null),
                report.map(DependencyPages::trees).orElse(List.of()));
    }

    @GET
    @Path("advisories")
    public TemplateInstance advisories() {
        return Templates.advisories(reports.serverWide());
    }

    /** The tree of each lock file: its members, each member's dependencies, theirs, and so on. */
    static List<Tree> trees(DependencyReport report) {
        List<Tree> trees = new ArrayList<>();
        for (Lockfile lockfile : report.lockfiles()) {
            if (lockfile.lockPath() == null) {
                continue;
            }
            Map<String, Dependency> byKey = new HashMap<>();
            report.packages().stream().filter(p -> lockfile.lockPath().equals(p.lockPath()))
                    .forEach(p -> byKey.putIfAbsent(p.key(), p));
            List<TreeLine> lines = new ArrayList<>();
            Set<String> expanded = new HashSet<>();
            for (String member : lockfile.members()) {
                List<Dependency> direct = byKey.values().stream()
                        .filter(p -> p.parents().stream().anyMatch(parent -> parent.startsWith(member + " ")))
                        .sorted(Comparator.comparing(Dependency::name).thenComparing(Dependency::version))
                        .toList();
                lines.add(new TreeLine(member, "", "", null, true, false, !direct.isEmpty(), 0, 0));
                for (Dependency dependency : direct) {
                    add(lines, dependency, byKey, expanded, 1);
                }
                if (!direct.isEmpty()) {
                    close(lines);
                }
            }
            trees.add(new Tree(lockfile, lines));
        }
        return trees;
    }

    private static void add(List<TreeLine> lines, Dependency dependency, Map<String, Dependency> byKey,
            Set<String> expanded, int level) {
        boolean repeated = !expanded.add(dependency.key());
        List<Dependency> children = repeated ? List.of() : dependency.dependencies().stream().map(byKey::get)
                .filter(Objects::nonNull).toList();
        lines.add(new TreeLine(dependency.name(), dependency.version(), dependency.kind(), dependency, false, repeated,
                !children.isEmpty(), level, 0));
        for (Dependency child : children) {
            add(lines, child, byKey, expanded, level + 1);
        }
        if (!children.isEmpty()) {
            close(lines);
        }
    }

    /** Closes the nested list the last line's parent opened. */
    private static void close(List<TreeLine> lines) {
        TreeLine last = lines.getLast();
        lines.set(lines.size() - 1, new TreeLine(last.label(), last.version(), last.kind(), last.dependency(),
                last.member(), last.repeated(), last.hasChildren(), last.level(), last.closeAfter() + 1));
    }
}
