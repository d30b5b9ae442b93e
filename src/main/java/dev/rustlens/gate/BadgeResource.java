package dev.rustlens.gate;

import dev.rustlens.gitrepo.RepositoryService;
import dev.rustlens.text.Markup;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Shields-style SVG badges of a repository's grade and gate status, for READMEs. */
@Path("/api/v1/repositories")
@Tag(name = "Quality gate")
@Produces("image/svg+xml")
@APIResponse(responseCode = "200", description = "The badge",
        content = @Content(mediaType = "image/svg+xml", schema = @Schema(implementation = String.class)))
@APIResponse(responseCode = "304", description = "The badge is unchanged since the ETag sent in If-None-Match")
@APIResponse(responseCode = "404", description = "No such repository: a grey badge saying unknown",
        content = @Content(mediaType = "image/svg+xml", schema = @Schema(implementation = String.class)))
public class BadgeResource {

    private static final String GREY = "#9f9f9f";
    private static final Map<String, String> GRADE_COLOURS = Map.of("A", "#4c1", "B", "#97ca00", "C", "#dfb317",
            "D", "#fe7d37", "E", "#e05d44");
    private static final int MAX_AGE_SECONDS = 300;

    private final GateService gates;
    private final RepositoryService repositories;

    public BadgeResource(GateService gates, RepositoryService repositories) {
        this.gates = gates;
        this.repositories = repositories;
    }

    @GET
    @Path("/{id}/badge/grade.svg")
    @Operation(summary = "An SVG badge with the grade")
    public Response grade(@PathParam("id") long id, @Context Request request) {
        Optional<GateService.Graded> graded = gates.newestGrade(id);
        if (graded.isEmpty()) {
            return unknown(id, "safety", request);
        }
        String grade = graded.get().grade();
        return badge("safety", grade + " (" + graded.get().score() + ")", GRADE_COLOURS.getOrDefault(grade, GREY),
                Response.Status.OK, request);
    }

    @GET
    @Path("/{id}/badge/gate.svg")
    @Operation(summary = "An SVG badge with the gate status")
    public Response gate(@PathParam("id") long id, @Context Request request) {
        Optional<GateVerdict> verdict = gates.newestVerdict(id);
        if (verdict.isEmpty()) {
            return unknown(id, "quality gate", request);
        }
        boolean passed = verdict.get().passed();
        return badge("quality gate", passed ? "passed" : "failed", passed ? "#4c1" : "#e05d44", Response.Status.OK, request);
    }

    private Response unknown(long id, String label, Request request) {
        boolean exists = repositories.find(id).isPresent();
        return badge(label, exists ? "not scanned" : "unknown", GREY,
                exists ? Response.Status.OK : Response.Status.NOT_FOUND, request);
    }

    private static Response badge(String label, String value, String colour, Response.Status status, Request request) {
        String svg = svg(label, value, colour);
        EntityTag tag = new EntityTag(Integer.toHexString(svg.hashCode()));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        Response.ResponseBuilder unchanged = status == Response.Status.OK ? request.evaluatePreconditions(tag) : null;
        return (unchanged != null ? unchanged : Response.status(status).entity(svg)).tag(tag).cacheControl(cache).build();
    }

    /** A flat two-part badge; widths estimated from Verdana 11px, as shields.io draws them. */
    static String svg(String label, String value, String colour) {
        int labelWidth = textWidth(label) + 10;
        int valueWidth = textWidth(value) + 10;
        int width = labelWidth + valueWidth;
        String title = Markup.escape(label + ": " + value);
        return String.format(Locale.ROOT, """
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20" role="img" aria-label="%s">\
                <title>%s</title>\
                <linearGradient id="s" x2="0" y2="100%%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/>\
                <stop offset="1" stop-opacity=".1"/></linearGradient>\
                <clipPath id="r"><rect width="%d" height="20" rx="3" fill="#fff"/></clipPath>\
                <g clip-path="url(#r)"><rect width="%d" height="20" fill="#555"/>\
                <rect x="%d" width="%d" height="20" fill="%s"/><rect width="%d" height="20" fill="url(#s)"/></g>\
                <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">\
                <text x="%d" y="15" fill="#010101" fill-opacity=".3">%s</text><text x="%d" y="14">%s</text>\
                <text x="%d" y="15" fill="#010101" fill-opacity=".3">%s</text><text x="%d" y="14">%s</text></g></svg>""",
                width, title, title, width, labelWidth, labelWidth, valueWidth, colour, width,
                labelWidth / 2, Markup.escape(label), labelWidth / 2, Markup.escape(label),
                labelWidth + valueWidth / 2, Markup.escape(value), labelWidth + valueWidth / 2, Markup.escape(value));
    }

    private static int textWidth(String text) {
        int width = 0;
        for (char c : text.toCharArray()) {
            width += Character.isUpperCase(c) || c == 'w' || c == 'm' ? 8 : c == ' ' || c == '(' || c == ')' ? 4 : 7;
        }
        return width;
    }
}
