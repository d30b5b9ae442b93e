package dev.rustlens.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** rustlens's own settings, under the {@code rustlens.} prefix. */
@ConfigMapping(prefix = "rustlens")
public interface RustlensConfig {

    /** Directory holding the local clones of scanned repositories. */
    Path workDir();

    /**
     * Key encrypting private repositories' credentials: base64 of 32 random bytes. When unset, a
     * key file {@code secret.key} is created in the work directory.
     */
    Optional<String> secretKey();

    /** Limits of uploaded source archives. */
    Archive archive();

    /** Scanning. */
    Scan scan();

    /** Fetching repositories. */
    Git git();

    /** Limits of one analysis. */
    Analysis analysis();

    /** Who may read and write. */
    Auth auth();

    /** The first administrator, set up on first start. */
    Admin admin();

    /** Who may read and write. */
    interface Auth {
        /** Whether pages and read endpoints need a signed-in user or a token; writes always do. */
        @WithDefault("false")
        boolean readsNeedLogin();

        /** How long a page sign-in lasts. */
        @WithDefault("7d")
        Duration sessionLifetime();
    }

    /**
     * The administrator created when no user exists yet, and an optional admin API token, so that a
     * script can start a fresh instance and use the API at once.
     */
    interface Admin {
        /** The administrator's user name. */
        @WithDefault("admin")
        String username();

        /** The administrator's password; when unset, one is generated and written to the log once. */
        Optional<String> password();

        /** An admin API token to accept (at least 24 characters); kept as a digest like any other. */
        Optional<String> token();
    }

    /** Scan workers and their liveness. */
    interface Scan {
        /** Scans run at once by this instance. */
        @WithDefault("1")
        int workers();

        /** How often a running scan proves its worker is alive. */
        @WithDefault("10s")
        Duration heartbeat();

        /** A running scan whose heartbeat is older than this is failed: its worker died. */
        @WithDefault("2m")
        Duration staleAfter();

        /** A scan running longer than this is stopped and failed. */
        @WithDefault("30m")
        Duration timeLimit();
    }

    /** Fetching repositories. */
    interface Git {
        /** Whether {@code file://} URLs (repositories on this server's disk) may be registered. */
        @WithDefault("true")
        boolean allowFileUrls();

        /** Network timeout of one clone or fetch. */
        @WithDefault("5m")
        Duration timeout();

        /** Retries of a clone or fetch that failed on a transient network error. */
        @WithDefault("2")
        int retries();

        /** Largest local clone, in bytes; a larger one is deleted and its scan fails. */
        @WithDefault("2147483648")
        long maxCloneSize();
    }

    /** Limits of uploaded source archives. */
    interface Archive {
        /** Most bytes an archive may unpack to. */
        @WithDefault("536870912")
        long maxBytes();

        /** Most files an archive may hold. */
        @WithDefault("50000")
        int maxFiles();

        /** Largest single file in an archive. */
        @WithDefault("67108864")
        long maxFileBytes();
    }

    /** Limits of one analysis. */
    interface Analysis {
        /** Files analysed in parallel; all cores when unset. */
        Optional<Integer> threads();

        /** Larger files are skipped with a parse_error finding. */
        @WithDefault("4194304")
        long maxFileBytes();

        /** Time allowed to parse and match one file. */
        @WithDefault("10s")
        Duration parseBudget();
    }
}
