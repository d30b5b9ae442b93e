package dev.rustlens.gitrepo;

import dev.rustlens.config.RustlensConfig;
import dev.rustlens.gitrepo.CredentialCipher.Credentials;
import dev.rustlens.http.BadRequest;
import dev.rustlens.http.DuplicateNameException;
import dev.rustlens.text.Echo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Registers repositories after checking what will be fetched, and looks them up. */
@ApplicationScoped
@Transactional
public class RepositoryService {

    /** Why an archive repository takes no schedule: it has no remote to fetch from. */
    public static final String ARCHIVE_HAS_NO_SCHEDULE =
            "an archive repository is scanned when an archive is uploaded; it has no schedule";
    private static final Pattern CORE_MODULE = Pattern.compile(
            "(crate::)?[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*");
    private static final int MAX_CORE_MODULES = 100;

    /** The branch name the scans of an archive repository carry. */
    public static final String ARCHIVE_BRANCH = "upload";

    private final CredentialCipher cipher;
    private final RepositoryUrls urls;
    private final RustlensConfig config;
    private final Event<DefaultBranchChanged> defaultBranchChanges;

    public RepositoryService(CredentialCipher cipher, RepositoryUrls urls, RustlensConfig config,
            Event<DefaultBranchChanged> defaultBranchChanges) {
        this.cipher = cipher;
        this.urls = urls;
        this.config = config;
        this.defaultBranchChanges = defaultBranchChanges;
    }

    /** Where a deleted repository kept its files: its id and URL. */
    public record Deleted(long id, String url) {
    }

    /**
     * Deletes a repository's rows: the database deletes its scans, crates, findings, triage marks,
     * gates, schedules, benchmarks, backfills and webhooks with it, in this one transaction.
     * Its clone and archives are the caller's to delete once this has committed.
     *
     * @return where it kept its files; empty when there is no such repository
     */
    public Optional<Deleted> delete(long id) {
        return find(id).map(repository -> {
            Deleted deleted = new Deleted(repository.id, repository.url);
            GitRepository.getEntityManager().detach(repository);
            GitRepository.getEntityManager().createNativeQuery("delete from repository where id = ?1")
                    .setParameter(1, id).executeUpdate();
            return deleted;
        });
    }

    /** Repository {@code id}, empty if there is none; it has no lazy associations, so it can be read anywhere. */
    public Optional<GitRepository> find(long id) {
        return GitRepository.findByIdOptional(id);
    }

    /**
     * Registers a git repository (with credentials when it is private) or, with a null URL and
     * kind {@code archive}, a repository fed by uploaded archives; {@code schedule} is a Quartz
     * cron expression or null. Throws {@link InvalidRepository} naming each bad field.
     */
    public GitRepository register(String name, GitRepository.Kind kind, String url, String branch,
            Credentials credentials, List<String> coreModules, String schedule) {
        Fields fields = new Fields();
        GitRepository repository = new GitRepository();
        repository.kind = kind == null ? GitRepository.Kind.git : kind;
        Credentials valid = null;
        if (repository.kind == GitRepository.Kind.archive) {
            if (url != null || credentials != null) {
                fields.reject("url", "an archive repository has no url or credentials: upload archives"
                        + " to /api/v1/repositories/{id}/archives");
            }
            if (schedule != null) {
                fields.reject("schedule", ARCHIVE_HAS_NO_SCHEDULE);
            }
            repository.defaultBranch = ARCHIVE_BRANCH;
        } else {
            repository.url = fields.check("url", () -> urls.validate(url));
            repository.defaultBranch = fields.check("branch", () -> validBranch(branch));
            valid = credentials == null ? null : fields.check("credentials", () -> validCredentials(credentials));
            repository.schedule = schedule == null ? null : fields.check("schedule", () -> validCron(schedule));
            repository.scheduleSince = repository.schedule == null ? null : OffsetDateTime.now();
        }
        repository.name = fields.check("name", () -> validName(name));
        repository.coreModules = coreModules == null ? List.of() : fields.check("coreModules", () -> validCoreModules(coreModules));
        fields.throwIfAny();
        requireUnique(repository.name, null);
        repository.credentials = valid == null ? null : cipher.encrypt(valid);
        repository.persist();
        return repository;
    }

    /**
     * What a PATCH or the settings form may change; null fields stay as they are. A blank
     * {@code schedule} stops scheduled scans.
     */
    public record Changes(String name, String url, String branch, Credentials credentials, Boolean removeCredentials,
            List<String> coreModules, String schedule) {
    }

    /**
     * Changes a repository's name, URL, branch, credentials, core modules or schedule; throws
     * {@link InvalidRepository} naming each bad field, and changes nothing then.
     *
     * @return false when the repository does not exist
     */
    public boolean change(long id, Changes changes) {
        GitRepository repository = GitRepository.findById(id);
        if (repository == null) {
            return false;
        }
        Fields fields = new Fields();
        boolean archive = repository.kind == GitRepository.Kind.archive;
        if (archive && (changes.url() != null || changes.branch() != null || changes.credentials() != null)) {
            fields.reject("url", "an archive repository has only a name and core modules to change");
        }
        if (archive && changes.schedule() != null) {
            fields.reject("schedule", ARCHIVE_HAS_NO_SCHEDULE);
        }
        if (changes.credentials() != null && Boolean.TRUE.equals(changes.removeCredentials())) {
            fields.reject("credentials", "give credentials or removeCredentials, not both");
        }
        String name = changes.name() == null ? null : fields.check("name", () -> validName(changes.name()));
        String url = changes.url() == null ? null
                : fields.check("url", () -> urls.validate(changes.url()));
        String branch = changes.branch() == null ? null : fields.check("branch", () -> validBranch(changes.branch()));
        Credentials credentials = changes.credentials() == null ? null
                : fields.check("credentials", () -> validCredentials(changes.credentials()));
        List<String> coreModules = changes.coreModules() == null ? null
                : fields.check("coreModules", () -> validCoreModules(changes.coreModules()));
        String schedule = changes.schedule() == null || changes.schedule().isBlank() ? null
                : fields.check("schedule", () -> validCron(changes.schedule()));
        fields.throwIfAny();
        if (name != null) {
            requireUnique(name, repository.id);
            repository.name = name;
        }
        if (url != null) {
            repository.url = url;
        }
        boolean branchChanged = branch != null && !branch.equals(repository.defaultBranch);
        if (branchChanged) {
            repository.defaultBranch = branch;
        }
        if (credentials != null) {
            repository.credentials = cipher.encrypt(credentials);
        } else if (Boolean.TRUE.equals(changes.removeCredentials())) {
            repository.credentials = null;
        }
        if (coreModules != null) {
            repository.coreModules = coreModules;
        }
        if (changes.schedule() != null) {
            setSchedule(repository, schedule);
        }
        if (branchChanged) {
            defaultBranchChanges.fire(new DefaultBranchChanged(repository.id));
        }
        return true;
    }

    /** A page of repositories by name: see {@link GitRepository#listPage}. */
    public GitRepository.Listing page(String nameContains, GitRepository.Kind kind, String afterName, int limit) {
        return GitRepository.listPage(nameContains, kind, afterName, limit);
    }

    /** The credentials of a repository, decrypted for fetching; null for a public one. */
    public Credentials credentials(GitRepository repository) {
        return repository.credentials == null ? null : cipher.decrypt(repository.credentials);
    }

    private static String validName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new BadRequest(
                    "name is required: 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    private static void requireUnique(String name, Long self) {
        GitRepository.findByName(name).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw new DuplicateNameException("a repository named '" + name + "' is already registered");
        });
    }

    private static List<String> validCoreModules(List<String> modules) {
        if (modules.size() > MAX_CORE_MODULES) {
            throw new BadRequest("at most " + MAX_CORE_MODULES + " core modules");
        }
        List<String> valid = new ArrayList<>();
        for (String module : modules) {
            String stripped = module == null ? "" : module.strip();
            if (!CORE_MODULE.matcher(stripped).matches()) {
                throw new BadRequest("core module " + Echo.quoted(stripped) + " is not a module path like"
                        + " raw::ffi or crate::sys");
            }
            if (!valid.contains(stripped)) {
                valid.add(stripped);
            }
        }
        return List.copyOf(valid);
    }

    private static String validBranch(String branch) {
        String checked = branch == null || branch.isBlank() ? "main" : branch.strip();
        if (!RepositoryUrls.isValidBranch(checked)) {
            throw new BadRequest("branch is not a valid git branch name: " + Echo.quoted(checked));
        }
        return checked;
    }

    private static Credentials validCredentials(Credentials credentials) {
        if (credentials.token() == null || credentials.token().isEmpty()) {
            throw new BadRequest("credentials need a token (or password)");
        }
        String username = credentials.username() == null || credentials.username().isBlank()
                ? "x-access-token" : credentials.username().strip();
        if (username.indexOf('\0') >= 0 || credentials.token().indexOf('\0') >= 0) {
            throw new BadRequest("credentials must not contain NUL characters");
        }
        return new Credentials(username, credentials.token());
    }

    /**
     * Sets or (with null) clears a repository's scan schedule, a Quartz cron expression.
     *
     * @return false when the repository does not exist
     */
    public boolean schedule(long id, String cron) {
        GitRepository repository = GitRepository.findById(id);
        if (repository == null) {
            return false;
        }
        setSchedule(repository, cron == null ? null : validCron(cron));
        return true;
    }

    private static void setSchedule(GitRepository repository, String schedule) {
        if (!Objects.equals(repository.schedule, schedule)) {
            repository.schedule = schedule;
            repository.scheduleSince = schedule == null ? null : OffsetDateTime.now();
        }
        if (schedule == null) {
            repository.schedulePausedAt = null;
        }
    }

    /**
     * Pauses or resumes a repository's schedule, keeping its cron. Resuming starts the schedule
     * afresh: the fires missed while it was paused are not caught up. A repository without a
     * schedule answers 409.
     *
     * @return false when the repository does not exist
     */
    public boolean pauseSchedule(long id, boolean paused) {
        GitRepository repository = GitRepository.findById(id);
        if (repository == null) {
            return false;
        }
        if (repository.schedule == null) {
            throw new ClientErrorException("repository '" + repository.name + "' has no schedule to "
                    + (paused ? "pause" : "resume") + "; set one first (PUT .../schedule)", Response.Status.CONFLICT);
        }
        if (paused && repository.schedulePausedAt == null) {
            repository.schedulePausedAt = OffsetDateTime.now();
        } else if (!paused && repository.schedulePausedAt != null) {
            repository.schedulePausedAt = null;
            repository.scheduleSince = OffsetDateTime.now();
        }
        return true;
    }

    private String validCron(String cron) {
        CronSchedule.parse(cron, config.scan().minScheduleInterval());
        return cron.strip();
    }

    /**
     * Bad input for a repository, field by field ({@code name}, {@code url}, {@code branch},
     * {@code credentials}, {@code schedule}, {@code coreModules}), so that a form shows each
     * message next to its field; the message joins them all for the API.
     */
    public static final class InvalidRepository extends BadRequest {
        private static final long serialVersionUID = 1L;

        private final Map<String, String> errors;

        InvalidRepository(Map<String, String> errors) {
            super(String.join("; ", errors.values()));
            this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        }

        /** The message of each bad field, by field name, in the order they were checked. */
        public Map<String, String> errors() {
            return errors;
        }
    }

    /** Collects the validation message of each field, so that one answer names every bad field. */
    private static final class Fields {
        private final Map<String, String> errors = new LinkedHashMap<>();

        <T> T check(String field, Supplier<T> validation) {
            try {
                return validation.get();
            } catch (BadRequest e) {
                reject(field, e.getMessage());
                return null;
            }
        }

        void reject(String field, String message) {
            errors.putIfAbsent(field, message);
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidRepository(errors);
            }
        }
    }
}
