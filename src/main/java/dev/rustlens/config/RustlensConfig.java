package dev.rustlens.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    /** Every connection rustlens opens to another server. */
    Outbound outbound();

    /** Sending webhook deliveries. */
    Webhooks webhooks();

    /** How long PostgreSQL may keep a request waiting. */
    Database database();

    /** Limits of one analysis. */
    Analysis analysis();

    /** Which old scans keep their findings (docs/database.md). */
    Housekeeping housekeeping();

    /** Who may read and write. */
    Auth auth();

    /** The first administrator, set up on first start. */
    Admin admin();

    /** Fetching and analysing the packages a repository's Cargo.lock locks. */
    Dependencies dependencies();

    /** The RustSec advisory database that locked packages are matched against. */
    Advisories advisories();

    /** Who may read and write. */
    interface Auth {
        /** Whether pages and read endpoints need a signed-in user or a token; writes always do. */
        @WithDefault("false")
        boolean readsNeedLogin();

        /**
         * Whether anyone may read {@code /q/metrics}, as a Prometheus without a token would; by
         * default only an admin (token or sign-in) may.
         */
        @WithDefault("false")
        boolean publicMetrics();

        /** How long a page sign-in lasts. */
        @WithDefault("7d")
        Duration sessionLifetime();

        /** Failed sign-ins of one user name within the window before further attempts get 429. */
        @WithDefault("5")
        int signInFailuresPerUser();

        /** Failed sign-ins from one client address within the window before further attempts get 429. */
        @WithDefault("20")
        int signInFailuresPerAddress();

        /** The sliding window over which failed sign-ins are counted. */
        @WithDefault("15m")
        Duration signInWindow();

        /** Password hashes computed at once (each takes a core for about half a second). */
        @WithDefault("2")
        int maxConcurrentPasswordChecks();
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

        /**
         * This instance's name, stable across its restarts, so that it queues again the scans it
         * was running when it stopped; by default the host name and the HTTP port.
         */
        Optional<String> instanceId();

        /**
         * Times a scan is started before it is failed for good, when the instances running it keep
         * dying (a scan interrupted by a shutdown does not count against it).
         */
        @WithDefault("3")
        int maxAttempts();

        /** How often a running scan proves its worker is alive. */
        @WithDefault("10s")
        Duration heartbeat();

        /**
         * A running scan whose heartbeat is older than this is queued again (or failed after its
         * attempts): its worker died. Three heartbeats by default.
         */
        @WithDefault("30s")
        Duration staleAfter();

        /** Retries of storing a scan's results after a database error that may pass (1, 2, 4, 8 s apart). */
        @WithDefault("4")
        int storeRetries();

        /** The shortest interval between two fires of a repository's scan schedule; a cron firing more often is refused. */
        @WithDefault("15m")
        Duration minScheduleInterval();

        /** A scan running longer than this is stopped and failed. */
        @WithDefault("30m")
        Duration timeLimit();

        /**
         * The scans of a branch other than the default one are deleted once the branch has gone
         * this long without a scan (a merged or abandoned pull request).
         */
        @WithDefault("30d")
        Duration branchExpiry();
    }

    /**
     * Which scans keep their findings and unsafe sites. Every scan keeps its snapshots, scores and
     * finding counts, which the trends read; a scan whose commit is older than {@code keepAll}
     * keeps its findings only when it is its day's newest (its week's newest beyond
     * {@code keepDaily}), the newest of its branch, the baseline of a scan that keeps them, or a
     * gate's chosen baseline.
     */
    interface Housekeeping {
        /** How long after its commit every scan keeps its findings. */
        @WithDefault("30d")
        Duration keepAll();

        /** Until how long after its commit the newest scan of each day keeps them (then of each week). */
        @WithDefault("365d")
        Duration keepDaily();

        /** When the findings of scans beyond those are removed (a Quartz-style cron expression). */
        @WithDefault("0 17 3 * * ?")
        String cron();
    }

    /** Fetching repositories. */
    interface Git {
        /**
         * Directories under which {@code file://} repositories (on this server's disk) may be
         * registered; {@code file://} is off when unset. The work directory is never allowed.
         */
        Optional<List<Path>> fileRoots();

        /**
         * Time one clone or fetch may take in all, retries included; enforced while bytes still
         * trickle in, so a slow server cannot hold a worker.
         */
        @WithDefault("10m")
        Duration fetchBudget();

        /** Retries of a clone or fetch that failed on a transient network error. */
        @WithDefault("2")
        int retries();

        /** Largest local clone, in bytes; a larger one is deleted and its scan fails. */
        @WithDefault("2147483648")
        long maxCloneSize();
    }

    /**
     * How long PostgreSQL may keep a request waiting, so that a stalled database gives a prompt 503
     * instead of a hung page. Set in application.properties, which passes them to the driver.
     * Storing a scan and migrating the schema lift them: those may rightly take minutes.
     */
    interface Database {
        /**
         * The PostgreSQL server's {@code host:port} in the default JDBC URL; the entry point sets it to
         * an embedded server's when it starts one (docs/database.md).
         */
        String address();

        /** Seconds to open a connection. */
        int connectTimeoutSeconds();

        /** Seconds to wait for the database's next bytes before the connection is given up as lost. */
        int socketTimeoutSeconds();

        /** Milliseconds one statement may run. */
        int statementTimeoutMs();
    }

    /**
     * Every connection rustlens opens to another server (git fetches; crate registries, advisory
     * sources and webhooks use the same policy): internal addresses are refused unless allowed here.
     */
    interface Outbound {
        /**
         * Internal address ranges rustlens may still connect to, as CIDR blocks or single addresses
         * (e.g. {@code 10.20.0.0/16,fd12:3456::/48}), for a git server on a private network. None
         * by default: loopback, private, link-local, unique-local, carrier-grade NAT, multicast,
         * unspecified, reserved and cloud metadata addresses are refused.
         */
        Optional<List<String>> allow();

        /** Longest wait to open a TCP connection. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** Longest wait for the next bytes of an answer. */
        @WithDefault("30s")
        Duration readTimeout();

        /** A PEM file of CA certificates trusted besides the JDK's, for a server with a private CA. */
        Optional<Path> trustedCertificates();
    }

    /**
     * Sending webhook deliveries: each is tried until its receiver answers 2xx, waiting
     * {@code first-retry}, then twice as long each time up to {@code max-retry-interval}, and is
     * failed after {@code max-attempts}.
     */
    interface Webhooks {
        /** Attempts of one delivery, the first included, before it is failed. */
        @WithDefault("8")
        int maxAttempts();

        /** The wait after the first failed attempt; each later wait is twice the one before. */
        @WithDefault("1m")
        Duration firstRetry();

        /** The longest wait between two attempts. */
        @WithDefault("1h")
        Duration maxRetryInterval();

        /** Deliveries this instance sends at once: a receiver that hangs holds one of them, the others go on. */
        @WithDefault("4")
        int senders();

        /**
         * Longest time one attempt may take in all (connecting and the answer included; the
         * outbound connect and read timeouts apply within it).
         */
        @WithDefault("20s")
        Duration timeout();

        /** How often this instance looks for deliveries that are due. */
        @WithDefault("5s")
        Duration pollInterval();
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

        /**
         * The nice value (0 to 19) of the threads that analyse and store scans, so that pages and
         * the API get the cores first while scans run; 0 keeps the server's priority.
         */
        @WithDefault("10")
        int nice();
    }

    /**
     * Where the locked packages of a scanned repository come from, and how long one may take. Each
     * package version is analysed once for the whole server (table {@code package_analysis}).
     */
    interface Dependencies {
        /** Whether a scan analyses its repository's locked dependencies at all. */
        boolean enabled();

        /**
         * Where a package's source is looked for: {@code vendor} (the scanned repository's own
         * {@code vendor/<name>-<version>/} or {@code vendor/<name>/}, as {@code cargo vendor} writes
         * it; when listed, it is asked first, since a repository builds its vendored copy), then in
         * their order {@code directory:/abs/path} (a directory of unpacked crates named
         * {@code <name>-<version>/}, as Debian's /usr/share/cargo/registry) and
         * {@code registry:https://...} (a {@code .crate} download, {@code {name}} and
         * {@code {version}} filled in, for crates.io's packages only).
         */
        List<String> sources();

        /** Longest time one package's fetch and analysis may take before it is reported as timed out. */
        Duration timeout();

        /** Packages fetched and analysed at once (their files are parsed on the analysis threads). */
        int threads();
    }

    /**
     * The RustSec advisory database: a git repository fetched like a scanned one (under the
     * outbound policy), read at each new commit and matched against locked packages.
     */
    interface Advisories {
        /** Whether rustlens fetches the database and matches against it. */
        @WithDefault("true")
        boolean enabled();

        /**
         * The database's git repository: an https:// URL, or for an installation without internet a
         * local mirror, as a file:// URL or an absolute directory path.
         */
        @WithDefault("https://github.com/rustsec/advisory-db.git")
        String url();

        /** The branch read. */
        @WithDefault("main")
        String branch();

        /**
         * When the database is fetched again (a Quartz-style cron expression); a fire missed while
         * rustlens was down is caught up at start-up.
         */
        @WithDefault("0 23 4 * * ?")
        String refresh();
    }
}
