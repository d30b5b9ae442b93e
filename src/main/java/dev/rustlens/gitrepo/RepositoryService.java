package dev.rustlens.gitrepo;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.rustlens.config.RustlensConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Registers repositories after checking what will be fetched. */
@ApplicationScoped
@Transactional
public class RepositoryService {

    private static final CronParser QUARTZ_CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final RustlensConfig config;

    public RepositoryService(RustlensConfig config) {
        this.config = config;
    }

    /** Registers a repository; throws {@link IllegalArgumentException} with a message for bad input. */
    public GitRepository register(String name, String url, String branch) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException(
                    "name is required: 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String checkedUrl = RepositoryUrls.validate(url, config.git().allowFileUrls());
        String checkedBranch = branch == null || branch.isBlank() ? "main" : branch.strip();
        if (!RepositoryUrls.isValidBranch(checkedBranch)) {
            throw new IllegalArgumentException("branch is not a valid git branch name: " + checkedBranch);
        }
        if (GitRepository.findByName(name).isPresent()) {
            throw new DuplicateNameException("a repository named '" + name + "' is already registered");
        }
        GitRepository repository = new GitRepository();
        repository.name = name;
        repository.url = checkedUrl;
        repository.defaultBranch = checkedBranch;
        repository.persist();
        return repository;
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
