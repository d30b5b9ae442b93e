package dev.rustlens.scan;

import dev.rustlens.analysis.diagnostics.CargoDiagnostics;
import dev.rustlens.analysis.diagnostics.MalformedDiagnosticsException;
import dev.rustlens.auth.Role;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.http.Author;
import dev.rustlens.http.BadRequest;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * clippy and rustc diagnostics over REST (docs/diagnostics.md): CI uploads what
 * {@code cargo clippy --message-format=json} writes, for a commit; its lints become findings of
 * every scan of that commit.
 */
@Path("/api/v1/repositories/{id}/diagnostics")
@Tag(name = "Diagnostics")
@Produces(MediaType.APPLICATION_JSON)
public class DiagnosticResource {

    private final DiagnosticUploads uploads;
    private final SecurityIdentity identity;

    public DiagnosticResource(DiagnosticUploads uploads, SecurityIdentity identity) {
        this.uploads = uploads;
        this.identity = identity;
    }

    /**
     * cargo's JSON lines, plain or gzip-compressed; {@code root} is the workspace's directory in
     * the repository when it is not the repository's root.
     */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Consumes({"application/x-ndjson", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, "application/gzip",
        "application/x-gzip"})
    @Operation(summary = "Upload cargo clippy --message-format=json output for a commit")
    @APIResponse(responseCode = "201", description = "What was read and imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DiagnosticUploads.Summary.class)))
    public Response upload(@PathParam("id") long id, @QueryParam("commit") String commit,
            @QueryParam("root") String root, InputStream body) {
        if (commit == null || !commit.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
            throw new BadRequest("commit must be the full hexadecimal id of the commit the diagnostics are of");
        }
        String workspace = root == null ? "" : root.replaceAll("/+$", "");
        if (!workspace.isEmpty() && CargoDiagnostics.workspacePath(workspace).isEmpty()) {
            throw new BadRequest("root must be a relative directory of the repository without . or .. segments");
        }
        GitRepository repository = repository(id);
        CargoDiagnostics.Parsed parsed;
        try (InputStream stream = decompressed(body)) {
            parsed = CargoDiagnostics.read(new InputStreamReader(stream, StandardCharsets.UTF_8), workspace);
        } catch (MalformedDiagnosticsException e) {
            throw new BadRequest(e.getMessage(), e);
        } catch (ZipException e) {
            throw new BadRequest("the body is not readable gzip", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded diagnostics failed", e);
        }
        return Response.status(Response.Status.CREATED)
                .entity(uploads.store(repository, commit, parsed, Author.of(identity))).build();
    }

    private static GitRepository repository(long id) {
        GitRepository repository = GitRepository.findById(id);
        if (repository == null) {
            throw new NotFoundException("no repository " + id);
        }
        return repository;
    }

    /** The body as sent, or uncompressed when it is gzip (by its magic number, whatever its media type). */
    private static InputStream decompressed(InputStream body) throws IOException {
        InputStream buffered = new BufferedInputStream(body);
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        return gzip ? new GZIPInputStream(buffered) : buffered;
    }
}
