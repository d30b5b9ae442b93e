package dev.rustlens.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.rustlens.auth.Role;
import dev.rustlens.gitrepo.ArchiveStore;
import dev.rustlens.gitrepo.ArchiveUnpacker;
import dev.rustlens.gitrepo.BackfillCommits;
import dev.rustlens.gitrepo.CredentialCipher.Credentials;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RepositoryRemoval;
import dev.rustlens.gitrepo.RepositoryService;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.Choices;
import dev.rustlens.http.PageCursor;
import dev.rustlens.scan.BackfillRunner;
import dev.rustlens.scan.Scan;
import dev.rustlens.scan.ScanQueries;
import dev.rustlens.scan.ScanRequest;
import dev.rustlens.scan.ScanSchedules;
import dev.rustlens.scan.ScanService;
import dev.rustlens.scan.ScanView;
import dev.rustlens.text.Echo;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/** Registers repositories and starts their scans. */
@Path("/api/v1/repositories")
@Tag(name = "Repositories")
@Produces(MediaType.APPLICATION_JSON)
public class RepositoryResource {

    /** Most commits one backfill request may queue. */
    static final int MAX_BACKFILL = 500;
    private static final int MAX_REPOSITORY_PAGE = 500;
    private static final int MAX_SCAN_PAGE = 100;

    private final RepositoryService repositories;
    private final ScanService scans;
    private final ScanSchedules schedules;
    private final ScanQueries scanQueries;
    private final ArchiveStore archives;
    private final RepositoryRemoval removal;
    /** Reads a scan request strictly: a misspelt field must not scan the default branch instead. */
    private final ObjectReader scanRequests;

    public RepositoryResource(RepositoryService repositories, ScanService scans, ScanQueries scanQueries,
            ScanSchedules schedules, ArchiveStore archives, RepositoryRemoval removal, ObjectMapper json) {
        this.archives = archives;
        this.removal = removal;
        this.scanRequests = json.readerFor(ScanRequest.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.scanQueries = scanQueries;
        this.repositories = repositories;
        this.scans = scans;
        this.schedules = schedules;
    }

    /**
     * What a client sends to register a repository: a git URL (with credentials when private), or
     * {@code "kind": "archive"} and no URL for a repository fed by uploaded archives.
     */
    public record NewRepository(String name, GitRepository.Kind kind, String url, String branch,
            Credentials credentials, List<String> coreModules) {
    }

    /** What a client sends to change a repository; absent fields stay as they are. */
    public record RepositoryChanges(String name, String url, String branch, Credentials credentials,
            Boolean removeCredentials, List<String> coreModules) {
    }

    /**
     * A registered repository; {@code schedule} is its cron expression, or null, and
     * {@code schedulePausedAt} when that schedule was paused (null while it runs); {@code coreModules}
     * are where unsafe code is expected in each of its crates. Credentials are never shown, only
     * whether there are some.
     */
    public record RepositoryView(long id, String name, GitRepository.Kind kind, String url, String branch,
            boolean hasCredentials, String schedule, OffsetDateTime schedulePausedAt, List<String> coreModules,
            OffsetDateTime createdAt) {
        static RepositoryView of(GitRepository repository) {
            return new RepositoryView(repository.id, repository.name, repository.kind, repository.url,
                    repository.defaultBranch, repository.credentials != null, repository.schedule,
                    repository.schedulePausedAt, repository.coreModules, repository.createdAt);
        }
    }

    /** An accepted archive upload: what was unpacked and the scan it queued. */
    public record ArchiveUpload(String sha256, int files, long bytes, int skippedLinks, ScanView scan) {
    }

    /** What a client sends to schedule scans: a Quartz cron expression. */
    public record ScheduleRequest(String cron) {
    }

    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a git repository (https or file URL, optional credentials) or an archive repository")
    @APIResponse(responseCode = "201", description = "The repository, at its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RepositoryView.class)))
    @APIResponse(responseCode = "409", description = "A repository of that name exists")
    public Response register(NewRepository request, UriInfo uri) {
        if (request == null) {
            throw new BadRequest("a JSON body {\"name\", \"url\", \"branch\"} is required");
        }
        GitRepository repository = repositories.register(request.name(), request.kind(), request.url(),
                request.branch(), request.credentials(), request.coreModules(), null);
        URI location = uri.getBaseUriBuilder().path("api/v1/repositories/{id}").build(repository.id);
        return Response.created(location).entity(get(repository.id)).build();
    }

    /**
     * Repositories by name, {@code limit} a page (at most 500) after {@code cursor}, optionally only
     * those whose name contains {@code q} or of one {@code kind}; the total the filter keeps is in
     * {@code X-Total-Count}, the next page in {@code Link}.
     */
    @GET
    @Operation(summary = "List repositories by name, paged by cursor (Link rel=next, X-Total-Count), filtered by"
            + " name (q) and kind")
    public RestResponse<List<RepositoryView>> list(@QueryParam("q") String q, @QueryParam("kind") String kind,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("100") int limit, UriInfo uri) {
        GitRepository.Kind wanted = Choices.parse("kind", kind, GitRepository.Kind.class);
        GitRepository.Listing listing = repositories.page(q, wanted, PageCursor.key(cursor),
                PageCursor.limit(limit, MAX_REPOSITORY_PAGE) + 1);
        return PageCursor.firstOf(listing.repositories(), limit, RepositoryView::of, repository -> repository.name, uri)
                .header("X-Total-Count", listing.total()).build();
    }

    /** Scans the default branch on a cron schedule, e.g. {@code {"cron": "0 0 3 * * ?"}} for 3:00 every night. */
    @PUT
    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Scan the default branch on a cron schedule")
    @APIResponse(responseCode = "200", description = "The repository with its schedule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RepositoryView.class)))
    @APIResponse(responseCode = "409", description = "An archive repository has no schedule")
    public RepositoryView schedule(@PathParam("id") long id, ScheduleRequest request) {
        if (request == null || request.cron() == null || request.cron().isBlank()) {
            throw new BadRequest("a JSON body {\"cron\": \"<Quartz cron expression>\"} is required");
        }
        return changeSchedule(id, request.cron());
    }

    /**
     * Deletes a repository with everything stored of it (scans, findings, triage, gates, schedule,
     * benchmarks, webhooks, its clone and archives); a scan of it that is running stores nothing.
     */
    @DELETE
    @RolesAllowed(Role.ADMIN)
    @Path("/{id}")
    @Operation(summary = "Delete a repository with everything stored of it (204)")
    @APIResponse(responseCode = "204", description = "Deleted, with everything stored of it")
    public Response delete(@PathParam("id") long id) {
        if (!removal.remove(id)) {
            throw new NotFoundException("no repository " + id);
        }
        return Response.noContent().build();
    }

    /** Stops scheduled scans of the repository. */
    @DELETE
    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/schedule")
    @Operation(summary = "Stop scheduled scans")
    @APIResponse(responseCode = "200", description = "The repository without a schedule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RepositoryView.class)))
    @APIResponse(responseCode = "409", description = "An archive repository has no schedule")
    public RepositoryView unschedule(@PathParam("id") long id) {
        return changeSchedule(id, null);
    }

    /** Pauses the repository's schedule: it keeps its cron and does not fire until resumed. */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/schedule/pause")
    @Operation(summary = "Pause scheduled scans, keeping the schedule (409 without a schedule)")
    @APIResponse(responseCode = "200", description = "The repository, its schedule paused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RepositoryView.class)))
    @APIResponse(responseCode = "409", description = "The repository has no schedule")
    public RepositoryView pauseSchedule(@PathParam("id") long id) {
        return changePause(id, true);
    }

    /** Resumes a paused schedule; the fires missed while it was paused are not caught up. */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/schedule/resume")
    @Operation(summary = "Resume paused scheduled scans (409 without a schedule)")
    @APIResponse(responseCode = "200", description = "The repository, its schedule running",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RepositoryView.class)))
    @APIResponse(responseCode = "409", description = "The repository has no schedule")
    public RepositoryView resumeSchedule(@PathParam("id") long id) {
        return changePause(id, false);
    }

    private RepositoryView changePause(long id, boolean paused) {
        if (!repositories.pauseSchedule(id, paused)) {
            throw new NotFoundException();
        }
        schedules.sync();
        return get(id);
    }

    /** Changes a repository's name, URL, branch, credentials or core modules. */
    @PATCH
    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a repository: name, URL, branch, credentials")
    public RepositoryView change(@PathParam("id") long id, RepositoryChanges request) {
        if (request == null) {
            throw new BadRequest("a JSON body with the fields to change is required");
        }
        if (!repositories.change(id, new RepositoryService.Changes(request.name(), request.url(), request.branch(),
                request.credentials(), request.removeCredentials(), request.coreModules(), null))) {
            throw new NotFoundException();
        }
        return get(id);
    }

    /**
     * Uploads a source archive ({@code .tar.gz}, or a {@code .crate}) to an archive repository as
     * its new snapshot, and queues its scan: 202 with what was unpacked and the scan.
     */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/archives")
    @Consumes({"application/gzip", "application/x-gzip", "application/x-tar", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upload a source archive (.tar.gz, .crate) and scan it")
    @APIResponse(responseCode = "202", description = "What was unpacked and the queued scan, at its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArchiveUpload.class)))
    @APIResponse(responseCode = "409", description = "The repository is a git repository, not an archive one")
    @APIResponse(responseCode = "507", description = "The server's disk is full")
    public Response upload(@PathParam("id") long id, InputStream body, UriInfo uri) throws IOException {
        GitRepository repository = repositories.find(id).orElseThrow(NotFoundException::new);
        if (repository.kind != GitRepository.Kind.archive) {
            throw new ClientErrorException("repository '" + repository.name + "' is a git repository; register one"
                    + " with \"kind\": \"archive\" to upload archives", Response.Status.CONFLICT);
        }
        ArchiveUnpacker.Unpacked unpacked = archives.store(id, body);
        ScanView scan = scans.enqueueArchive(id, unpacked.sha256());
        URI location = uri.getBaseUriBuilder().path("api/v1/scans/{id}").build(scan.id());
        return Response.accepted(new ArchiveUpload(unpacked.sha256(), unpacked.files(), unpacked.bytes(),
                unpacked.skippedLinks(), scan)).location(location).build();
    }

    private RepositoryView changeSchedule(long id, String cron) {
        repositories.find(id).filter(found -> found.kind == GitRepository.Kind.archive)
                .ifPresent(archive -> {
                    throw new ClientErrorException(RepositoryService.ARCHIVE_HAS_NO_SCHEDULE, Response.Status.CONFLICT);
                });
        if (!repositories.schedule(id, cron)) {
            throw new NotFoundException();
        }
        schedules.sync();
        return get(id);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A repository (never its credentials)")
    public RepositoryView get(@PathParam("id") long id) {
        return repositories.find(id).map(RepositoryView::of).orElseThrow(NotFoundException::new);
    }

    /** The repository's scans, newest first, {@code limit} at a time (at most 100) after {@code cursor}. */
    @GET
    @Path("/{id}/scans")
    @Operation(summary = "A repository's scans, newest first, paged by cursor (Link rel=next)")
    public RestResponse<List<ScanView>> scans(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("20") int limit,
            @QueryParam("cursor") String cursor, UriInfo uri) {
        return PageCursor.firstOf(scanQueries.history(id, PageCursor.idKey(cursor),
                PageCursor.limit(limit, MAX_SCAN_PAGE) + 1).orElseThrow(NotFoundException::new), limit, scan -> scan,
                ScanView::id, uri).build();
    }

    /**
     * Queues a scan of a branch's head or of one of its commits (the default branch's head without
     * a body); answers 202 with the scan and its Location. A branch other than the default one is
     * compared with its merge-base on {@code target} (the default branch unless given).
     */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/scans")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Queue a scan of a branch or commit (202 with the scan)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ScanRequest.class)))
    @APIResponse(responseCode = "202", description = "The queued scan, at its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScanView.class)))
    @APIResponse(responseCode = "409",
            description = "The repository is an archive repository: upload an archive to scan it")
    public Response scan(@PathParam("id") long id, byte[] body, UriInfo uri) throws IOException {
        // No body at all (curl -X POST) is the default branch's head, whatever the Content-Type says.
        ScanRequest request = body.length == 0 ? ScanRequest.DEFAULT_BRANCH_HEAD : scanRequests.readValue(body);
        ScanView scan = scans.enqueue(id, Scan.Trigger.api, request == null ? ScanRequest.DEFAULT_BRANCH_HEAD : request)
                .orElseThrow(NotFoundException::new);
        URI location = uri.getBaseUriBuilder().path("api/v1/scans/{id}").build(scan.id());
        return Response.accepted(scan).location(location).build();
    }

    /**
     * What a client sends to backfill history: the last {@code last} commits of the branch, or
     * the newest commit of {@code every} week or month since the day {@code since}.
     */
    public record BackfillRequest(String branch, Integer last, String every, String since) {
        BackfillCommits.Selection selection() {
            if ((last == null) == (every == null)) {
                throw new BadRequest("give either \"last\": N or \"every\": \"week\"|\"month\" with \"since\"");
            }
            if (last != null) {
                if (last < 1 || last > MAX_BACKFILL) {
                    throw new BadRequest("last must be between 1 and " + MAX_BACKFILL);
                }
                return new BackfillCommits.Last(last);
            }
            BackfillCommits.Period period = Choices.require("every", every, BackfillCommits.Period.class, Enum::name);
            if (since == null) {
                throw new BadRequest("\"since\": \"YYYY-MM-DD\" is required with \"every\"");
            }
            try {
                return new BackfillCommits.Every(period, LocalDate.parse(since));
            } catch (DateTimeParseException e) {
                throw new BadRequest("since must be a date like 2025-01-31, not " + Echo.quoted(since));
            }
        }
    }

    /**
     * Queues a history backfill: 202 at once with the backfill and its Location; a worker fetches
     * the branch and queues the scans of the chosen commits, which the backfill then lists.
     */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("/{id}/backfill")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue scans of past commits (last N, or one a week or month); 202 with the backfill")
    @APIResponse(responseCode = "202", description = "The backfill, at its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BackfillRunner.BackfillView.class)))
    public Response backfill(@PathParam("id") long id, BackfillRequest request, UriInfo uri) {
        if (request == null) {
            throw new BadRequest("a JSON body {\"last\": N} or {\"every\": \"week\", \"since\": \"YYYY-MM-DD\"} is required");
        }
        BackfillRunner.BackfillView backfill = scans.backfill(id, request.branch(), request.selection())
                .orElseThrow(NotFoundException::new);
        URI location = uri.getBaseUriBuilder().path("api/v1/backfills/{id}").build(backfill.id());
        return Response.accepted(backfill).location(location).build();
    }
}
