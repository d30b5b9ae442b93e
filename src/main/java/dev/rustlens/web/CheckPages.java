package dev.rustlens.web;

import dev.rustlens.analysis.CheckCatalogue;
import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.http.PageException;
import dev.rustlens.scan.AnalysisEngine;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** The check catalogue: every check with its category and default severity, and each check's documentation. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CheckPages {

    private static final Parser MARKDOWN = Parser.builder().build();
    // Raw HTML in a document is shown as text and javascript: links are dropped, so the rendered
    // documentation can only ever be the markup CommonMark itself produces.
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private final AnalysisEngine engine;

    public CheckPages(AnalysisEngine engine) {
        this.engine = engine;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance checks(List<CheckInfo> checks);

        static native TemplateInstance check(CheckInfo check, String documentationHtml);
    }

    /** A check document as HTML; raw HTML in it comes out as text. */
    static String html(String markdown) {
        return HTML.render(MARKDOWN.parse(markdown));
    }

    @GET
    @Path("checks")
    public TemplateInstance checks() {
        return Templates.checks(engine.catalogue().rules());
    }

    @GET
    @Path("checks/{id}")
    public TemplateInstance check(@PathParam("id") String id) {
        CheckInfo info = engine.catalogue().ruleById(id)
                .orElseThrow(() -> PageException.notFound("There is no check " + id + "."));
        String documentation = CheckCatalogue.documentation(id)
                .orElseThrow(() -> new IllegalStateException("check " + id + " has no docs/checks/" + id + ".md"));
        return Templates.check(info, html(documentation));
    }
}
