package dev.rustlens.web;

import dev.rustlens.analysis.check.CheckInfo;
import dev.rustlens.analysis.check.Severity;
import dev.rustlens.auth.Role;
import dev.rustlens.gate.GateCondition;
import dev.rustlens.gate.GateScope;
import dev.rustlens.gate.GateService;
import dev.rustlens.gitrepo.CredentialCipher.Credentials;
import dev.rustlens.gitrepo.GitRepository;
import dev.rustlens.gitrepo.RepositoryRemoval;
import dev.rustlens.gitrepo.RepositoryService.InvalidRepository;
import dev.rustlens.gitrepo.RepositoryService;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.DuplicateNameException;
import dev.rustlens.http.PageException;
import dev.rustlens.scan.AnalysisEngine;
import dev.rustlens.scan.ScanSchedules;
import dev.rustlens.scoring.Grade;
import dev.rustlens.text.Blank;
import dev.rustlens.text.Echo;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Forms for maintainers: add a repository, edit its settings (URL, branch, write-only credentials,
 * schedule, core modules) and its quality gate. Validation is RepositoryService's and GateService's;
 * a rejected form comes back with each message next to its field and the values as entered.
 */
@Path("/")
public class RepositorySettingsPages {

    /** Empty condition rows the gate form offers for adding conditions. */
    private static final int NEW_CONDITION_ROWS = 2;

    private final RepositoryService repositories;
    private final ScanSchedules schedules;
    private final GateService gates;
    private final AnalysisEngine engine;
    private final RepositoryRemoval removal;

    public RepositorySettingsPages(RepositoryService repositories, ScanSchedules schedules, GateService gates,
            AnalysisEngine engine, RepositoryRemoval removal) {
        this.removal = removal;
        this.repositories = repositories;
        this.schedules = schedules;
        this.gates = gates;
        this.engine = engine;
    }

    /** One input of the repository form, its value as shown and its validation message, if any. */
    public record FormField(String id, String label, String type, String value, String hint, String error) {

        /** The ids of the error and hint that describe the input, for aria-describedby; null for none. */
        public String describedBy() {
            String ids = ((error == null ? "" : id + "-error ") + (hint == null ? "" : id + "-hint")).strip();
            return ids.isEmpty() ? null : ids;
        }
    }

    /** What the repository form shows: a new repository (null id) or an existing one. */
    public record RepositoryForm(Long id, String name, boolean archive, boolean hasCredentials, String savedSchedule,
            boolean schedulePaused, List<FormField> fields) {
    }

    /** One condition row of the gate form; all empty for a row that adds a condition. */
    public record ConditionRow(String type, String check, String severity, String max, String grade, String percent) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(RepositoryForm form, boolean invalid);

        static native TemplateInstance gate(GitRepository repository, String scope, List<ConditionRow> conditions,
                String baseline, String baselineValue, boolean isDefault, List<String> types, List<String> checks,
                List<String> severities, List<String> grades, String error, String message);
    }

    @GET
    @RolesAllowed(Role.MAINTAINER)
    @Path("admin/repositories/new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance newForm() {
        return Templates.form(gitForm(null, Map.of("branch", "main"), Map.of()), false);
    }

    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("admin/repositories")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@FormParam("name") String name, @FormParam("url") String url,
            @FormParam("branch") String branch, @FormParam("username") String username,
            @FormParam("token") String token, @FormParam("schedule") String schedule,
            @FormParam("coreModules") String coreModules) {
        Map<String, String> entered = entered(name, url, branch, username, schedule, coreModules);
        try {
            GitRepository repository = repositories.register(name, GitRepository.Kind.git, url, branch,
                    credentials(username, token), modules(coreModules), Blank.toNull(schedule));
            schedules.sync();
            return RepositoryPage.back(repository.id, "Repository " + repository.name + " is registered.");
        } catch (InvalidRepository e) {
            return rejected(gitForm(null, entered, e.errors()), Response.Status.BAD_REQUEST);
        } catch (DuplicateNameException e) {
            return rejected(gitForm(null, entered, Map.of("name", e.getMessage())), Response.Status.CONFLICT);
        }
    }

    @GET
    @RolesAllowed(Role.MAINTAINER)
    @Path("repositories/{id}/settings")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance editForm(@PathParam("id") long id) {
        GitRepository repository = repository(id);
        Map<String, String> current = entered(repository.name, repository.url, repository.defaultBranch, "",
                repository.schedule, String.join(", ", repository.coreModules));
        return Templates.form(form(repository, current, Map.of()), false);
    }

    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("repositories/{id}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response edit(@PathParam("id") long id, @FormParam("name") String name, @FormParam("url") String url,
            @FormParam("branch") String branch, @FormParam("username") String username,
            @FormParam("token") String token, @FormParam("removeCredentials") boolean removeCredentials,
            @FormParam("schedule") String schedule, @FormParam("coreModules") String coreModules) {
        GitRepository repository = repository(id);
        boolean archive = repository.kind == GitRepository.Kind.archive;
        Map<String, String> entered = entered(name, url, branch, username, schedule, coreModules);
        try {
            // An archive repository's form has no URL, branch, credentials or schedule.
            repositories.change(id, new RepositoryService.Changes(name, archive ? null : url, archive ? null : branch,
                    archive ? null : credentials(username, token), removeCredentials, modules(coreModules),
                    archive ? null : (schedule == null ? "" : schedule)));
            schedules.sync();
            return RepositoryPage.back(id, "The settings are saved.");
        } catch (InvalidRepository e) {
            return rejected(form(repository, entered, e.errors()), Response.Status.BAD_REQUEST);
        } catch (DuplicateNameException e) {
            return rejected(form(repository, entered, Map.of("name", e.getMessage())), Response.Status.CONFLICT);
        }
    }

    /** The "Pause schedule" button: the cron is kept and does not fire until resumed. */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("repositories/{id}/schedule/pause")
    public Response pauseSchedule(@PathParam("id") long id) {
        return changePause(id, true, "The schedule is paused: no scheduled scan until it is resumed.");
    }

    /** The "Resume schedule" button: fires missed while paused are not caught up. */
    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("repositories/{id}/schedule/resume")
    public Response resumeSchedule(@PathParam("id") long id) {
        return changePause(id, false, "The schedule is resumed.");
    }

    private Response changePause(long id, boolean paused, String message) {
        GitRepository repository = repository(id);
        if (repository.schedule == null) {
            throw PageException.badRequest("Repository " + repository.name + " has no schedule to pause or resume.");
        }
        repositories.pauseSchedule(id, paused);
        schedules.sync();
        return RepositoryPage.back(id, message);
    }

    /**
     * The "Delete repository" button, for admins: only when the repository's name is typed again,
     * since everything stored of it goes. Back to the administration page, saying so.
     */
    @POST
    @RolesAllowed(Role.ADMIN)
    @Path("repositories/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id, @FormParam("confirm") String confirm) {
        GitRepository repository = repository(id);
        if (!repository.name.equals(confirm == null ? null : confirm.strip())) {
            throw PageException.badRequest("Type the repository's name, " + repository.name
                    + ", to delete it with its scans, findings, benchmarks and settings.");
        }
        removal.remove(id);
        return Response.seeOther(UriBuilder.fromPath("/admin")
                .queryParam("message", "Repository " + repository.name + " is deleted, with everything stored of it.")
                .build()).build();
    }

    @GET
    @RolesAllowed(Role.MAINTAINER)
    @Path("repositories/{id}/gate")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance gateForm(@PathParam("id") long id, @QueryParam("scope") String scope,
            @QueryParam("message") String message) {
        GateService.GateSettings settings = gates.settings(id, scopeOf(scope));
        List<ConditionRow> rows = new ArrayList<>(settings.conditions().stream().map(condition -> new ConditionRow(
                condition.type(), condition.check(), condition.severity(),
                condition.max() == null ? null : condition.max().toString(), condition.grade(),
                condition.percent() == null ? null : condition.percent().toString())).toList());
        return gate(repository(id), settings.scope(), rows, settings.baseline(), settings.baselineValue(),
                settings.isDefault(), null, message);
    }

    @POST
    @RolesAllowed(Role.MAINTAINER)
    @Path("repositories/{id}/gate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response saveGate(@PathParam("id") long id, @FormParam("type") List<String> types,
            @FormParam("check") List<String> checks, @FormParam("severity") List<String> severities,
            @FormParam("max") List<String> maxima, @FormParam("grade") List<String> grades,
            @FormParam("percent") List<String> percents,
            @FormParam("baseline") String baseline, @FormParam("baselineValue") String baselineValue,
            @FormParam("scope") String scope) {
        GitRepository repository = repository(id);
        GateScope gateScope = scopeOf(scope);
        List<ConditionRow> rows = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            if (!types.get(i).isBlank()) {
                rows.add(new ConditionRow(types.get(i), at(checks, i), at(severities, i), at(maxima, i), at(grades, i),
                        at(percents, i)));
            }
        }
        try {
            List<GateCondition> conditions = rows.stream().map(row -> new GateCondition(row.type(), row.check(),
                    row.severity(), maximum(row.max()), row.grade(), percent(row.percent()))).toList();
            gates.save(repository, gateScope, conditions, baseline, Blank.toNull(baselineValue));
            return Response.seeOther(UriBuilder.fromPath("/repositories/{id}/gate").queryParam("scope", gateScope.key())
                    .queryParam("message", "The quality gate is saved.").build(id)).build();
        } catch (BadRequest e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML)
                    .entity(gate(repository, gateScope.key(), rows, baseline, baselineValue, false, e.getMessage(), null))
                    .build();
        }
    }

    /** The gate a page shows: an unknown scope is a 400 page, not the main gate. */
    private static GateScope scopeOf(String scope) {
        try {
            return GateScope.parse(scope);
        } catch (BadRequest e) {
            throw PageException.badRequest(e.getMessage());
        }
    }

    private TemplateInstance gate(GitRepository repository, String scope, List<ConditionRow> rows, String baseline,
            String baselineValue, boolean isDefault, String error, String message) {
        List<ConditionRow> shown = new ArrayList<>(rows);
        for (int i = 0; i < NEW_CONDITION_ROWS; i++) {
            shown.add(new ConditionRow(null, null, null, null, null, null));
        }
        List<String> checkIds = engine.catalogue().rules().stream().map(CheckInfo::id).sorted().toList();
        return Templates.gate(repository, scope, shown, baseline, baselineValue, isDefault, GateCondition.TYPES, checkIds,
                Arrays.stream(Severity.values()).map(Severity::name).toList(),
                Arrays.stream(Grade.values()).map(Grade::name).toList(), error, message);
    }

    private GitRepository repository(long id) {
        return repositories.find(id).orElseThrow(() -> PageException.notFound("no repository " + id));
    }

    private static RepositoryForm form(GitRepository repository, Map<String, String> values, Map<String, String> errors) {
        if (repository.kind == GitRepository.Kind.archive) {
            return new RepositoryForm(repository.id, repository.name, true, false, null, false, List.of(
                    nameField(values, errors), coreModulesField(values, errors)));
        }
        return gitForm(repository, values, errors);
    }

    /** The form of a git repository, or of a new one when {@code repository} is null. */
    private static RepositoryForm gitForm(GitRepository repository, Map<String, String> values,
            Map<String, String> errors) {
        boolean hasCredentials = repository != null && repository.credentials != null;
        String tokenHint = hasCredentials
                ? "Credentials are stored (never shown). Leave both empty to keep them." : "For a private repository.";
        return new RepositoryForm(repository == null ? null : repository.id, repository == null ? "" : repository.name,
                false, hasCredentials, repository == null ? null : repository.schedule,
                repository != null && repository.schedulePausedAt != null, List.of(
                nameField(values, errors),
                new FormField("url", "Git URL", "url", values.get("url"), "https://…, or file:///… on this server",
                        errors.get("url")),
                new FormField("branch", "Branch", "text", values.get("branch"), null, errors.get("branch")),
                new FormField("username", "User name", "text", values.get("username"), tokenHint, null),
                // The token is write-only: it is never put back into the page, not even a rejected one.
                new FormField("token", "Token or password", "password", "", null, errors.get("credentials")),
                new FormField("schedule", "Scan schedule", "text", values.get("schedule"),
                        "A Quartz cron expression, e.g. 0 0 3 * * ? for 3:00 every night; empty for none",
                        errors.get("schedule")),
                coreModulesField(values, errors)));
    }

    private static FormField nameField(Map<String, String> values, Map<String, String> errors) {
        return new FormField("name", "Name", "text", values.get("name"), null, errors.get("name"));
    }

    private static FormField coreModulesField(Map<String, String> values, Map<String, String> errors) {
        return new FormField("coreModules", "Core modules", "textarea", values.get("coreModules"),
                "Modules where unsafe code belongs (e.g. raw::ffi), separated by commas or lines; unsafe code"
                        + " elsewhere is reported by unsafe_outside_core",
                errors.get("coreModules"));
    }

    private static Map<String, String> entered(String name, String url, String branch, String username,
            String schedule, String coreModules) {
        return Map.of("name", orEmpty(name), "url", orEmpty(url), "branch", orEmpty(branch),
                "username", orEmpty(username), "schedule", orEmpty(schedule), "coreModules", orEmpty(coreModules));
    }

    private static Response rejected(RepositoryForm form, Response.Status status) {
        return Response.status(status).type(MediaType.TEXT_HTML).entity(Templates.form(form, true)).build();
    }

    /** Credentials when either field is filled in; the service says what is missing. */
    private static Credentials credentials(String username, String token) {
        return (username == null || username.isBlank()) && (token == null || token.isEmpty()) ? null
                : new Credentials(username, token);
    }

    private static List<String> modules(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).filter(module -> !module.isEmpty()).toList();
    }

    private static Integer maximum(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("the most new findings must be a whole number, not " + Echo.quoted(text));
        }
    }

    private static Double percent(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("the least coverage on new code must be a percentage, not " + Echo.quoted(text));
        }
    }

    private static String at(List<String> values, int index) {
        return index < values.size() ? Blank.toNull(values.get(index)) : null;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
