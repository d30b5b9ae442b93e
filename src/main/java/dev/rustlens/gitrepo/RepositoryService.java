package dev.rustlens.gitrepo;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.rustlens.config.RustlensConfig;
import dev.rustlens.gitrepo.CredentialCipher.Credentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Registers repositories after checking what will be fetched. */
@ApplicationScoped
@Transactional
public class RepositoryService {

    private static final CronParser QUARTZ_CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    /** The branch name the scans of an archive repository carry. */
    public static final String ARCHIVE_BRANCH = "upload";

    private final RustlensConfig config;
    private final CredentialCipher cipher;

    public RepositoryService(RustlensConfig config, CredentialCipher cipher) {
        this.config = config;
        this.cipher = cipher;
    }

    /**
     * Registers a git repository (with credentials when it is private) or, with a null URL and
     * kind {@code archive}, a repository fed by uploaded archives. Throws
     * {@link IllegalArgumentException} with a message for bad input.
     */
    public GitRepository register(String name, GitRepository.Kind kind, String url, String branch,
            Credentials credentials) {
        GitRepository repository = new GitRepository();
        repository.kind = kind == null ? GitRepository.Kind.git : kind;
        if (repository.kind == GitRepository.Kind.archive) {
            if (url != null || credentials != null) {
                throw new IllegalArgumentException("an archive repository has no url or credentials: upload archives"
                        + " to /api/v1/repositories/{id}/archives");
            }
            repository.defaultBranch = ARCHIVE_BRANCH;
        } else {
            repository.url = RepositoryUrls.validate(url, config.git().allowFileUrls());
            repository.defaultBranch = validBranch(branch);
            repository.credentials = credentials == null ? null : cipher.encrypt(validCredentials(credentials));
        }
        repository.name = validName(name, null);
        repository.persist();
        return repository;
    }

    /** What a PATCH may change; null fields stay as they are. */
    public record Changes(String name, String url, String branch, Credentials credentials, Boolean removeCredentials) {
    }

    /**
     * Changes a repository's name, URL, branch or credentials.
     *
     * @return false when the repository does not exist
     */
    public boolean change(long id, Changes changes) {
        GitRepository repository = GitRepository.findById(id);
        if (repository == null) {
            return false;
        }
        boolean archive = repository.kind == GitRepository.Kind.archive;
        if (archive && (changes.url() != null || changes.branch() != null || changes.credentials() != null)) {
            throw new IllegalArgumentException("an archive repository has only a name to change");
        }
        if (changes.credentials() != null && Boolean.TRUE.equals(changes.removeCredentials())) {
            throw new IllegalArgumentException("give credentials or removeCredentials, not both");
        }
        if (changes.name() != null) {
            repository.name = validName(changes.name(), repository.id);
        }
        if (changes.url() != null) {
            repository.url = RepositoryUrls.validate(changes.url(), config.git().allowFileUrls());
        }
        if (changes.branch() != null) {
            repository.defaultBranch = validBranch(changes.branch());
        }
        if (changes.credentials() != null) {
            repository.credentials = cipher.encrypt(validCredentials(changes.credentials()));
        } else if (Boolean.TRUE.equals(changes.removeCredentials())) {
            repository.credentials = null;
        }
        return true;
    }

    /** The credentials of a repository, decrypted for fetching; null for a public one. */
    public Credentials credentials(GitRepository repository) {
        return repository.credentials == null ? null : cipher.decrypt(repository.credentials);
    }

    private static String validName(String name, Long self) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException(
                    "name is required: 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        GitRepository.findByName(name).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw new DuplicateNameException("a repository named '" + name + "' is already registered");
        });
        return name;
    }

    private static String validBranch(String branch) {
        String checked = branch == null || branch.isBlank() ? "main" : branch.strip();
        if (!RepositoryUrls.isValidBranch(checked)) {
            throw new IllegalArgumentException("branch is not a valid git branch name: " + checked);
        }
        return checked;
    }

    private static Credentials validCredentials(Credentials credentials) {
        if (credentials.token() == null || credentials.token().isEmpty()) {
            throw new IllegalArgumentException("credentials need a token (or password)");
        }
        String username = credentials.username() == null || credentials.username().isBlank()
                ? "x-access-token" : credentials.username().strip();
        if (username.indexOf('\0') >= 0 || credentials.token().indexOf('\0') >= 0) {
            throw new IllegalArgumentException("credentials must not contain NUL characters");
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
        repository.schedule = cron == null ? null : validCron(cron);
        return true;
    }

    private static String validCron(String cron) {
        String trimmed = cron.strip();
        try {
            QUARTZ_CRON.parse(trimmed).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cron is not a valid Quartz cron expression (seconds minutes hours"
                    + " day-of-month month day-of-week [year], e.g. \"0 0 3 * * ?\"): " + e.getMessage());
        }
        return trimmed;
    }

    /** A second repository with a name already taken. */
    public static final class DuplicateNameException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DuplicateNameException(String message) {
            super(message);
        }
    }
}
