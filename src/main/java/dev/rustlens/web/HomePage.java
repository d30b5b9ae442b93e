package dev.rustlens.web;

import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.scan.CrateSnapshot;
import dev.rustlens.scan.Scan;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The overview page: every repository, its last scan and its crates' unsafe counts. */
@Path("/")
public class HomePage {

    /** One repository row of the page. */
    public record RepositoryRow(GitRepository repository, Scan lastScan, Scan lastSucceeded,
            List<CrateSnapshot> crates) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<RepositoryRow> repositories);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance index() {
        List<RepositoryRow> rows = GitRepository.listByName().stream().map(repository -> {
            Scan last = Scan.findLatest(repository).orElse(null);
            Scan succeeded = Scan.findLatestSucceeded(repository).orElse(null);
            List<CrateSnapshot> crates = succeeded == null ? List.of() : CrateSnapshot.listForScan(succeeded);
            crates.forEach(snapshot -> snapshot.crate.name.length()); // load names inside the transaction
            return new RepositoryRow(repository, last, succeeded, crates);
        }).toList();
        return Templates.index(rows);
    }
}
