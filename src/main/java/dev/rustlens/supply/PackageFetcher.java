package dev.rustlens.supply;

import dev.rustlens.analysis.cargo.CargoManifest;
import dev.rustlens.analysis.cargo.ManifestException;
import dev.rustlens.analysis.dependencies.LockedPackage;
import dev.rustlens.analysis.dependencies.PackageSource;
import dev.rustlens.analysis.source.DirectorySourceTree;
import dev.rustlens.analysis.source.SourceFile;
import dev.rustlens.analysis.source.SourceTree;
import dev.rustlens.config.RustlensConfig;
import dev.rustlens.gitrepo.ArchiveUnpacker;
import dev.rustlens.gitrepo.DiskFull;
import dev.rustlens.outbound.OutboundPolicy;
import dev.rustlens.outbound.OutboundRefused;
import dev.rustlens.outbound.OutboundSession;
import dev.rustlens.supply.PackageUnsafe.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Finds a locked package's source in the configured sources, in order, and checks it against
 * Cargo.lock's checksum before anything reads it as code: a {@code .crate} by the SHA-256 of its
 * bytes (then unpacked as hostile input), a directory by its {@code .cargo-checksum.json}.
 */
final class PackageFetcher {

    /** Cargo's package names; nothing else may become part of a path or a URL. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+-]{1,128}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_REDIRECTS = 5;
    /**
     * How long a registry that let a download go unanswered is not asked again: a registry that is
     * down costs a scan one timeout per fetching thread, not one per package.
     */
    static final Duration QUIET_AFTER_SILENCE = Duration.ofMinutes(1);

    /** A package's source, checked; or why there is none. */
    sealed interface Fetched {
    }

    /**
     * The package's files, checked against its checksum.
     *
     * @param source where they came from: a directory or a URL
     */
    record Found(SourceTree tree, String source) implements Fetched {
    }

    /**
     * No source gave the package, for {@code reason}.
     *
     * @param source the directory or URL that was refused, empty when none was
     */
    record Missing(Status status, String reason, String source) implements Fetched {
        /** What a download from {@code url} came to. */
        static Missing at(URI url, Status status, String reason) {
            return new Missing(status, reason, url.toString());
        }
    }

    private final List<DependencySource> sources;
    private final OutboundPolicy outbound;
    private final ArchiveUnpacker unpacker;
    private final long maxArchiveBytes;
    private final BooleanSupplier closing;
    /** Registries (host and port) that did not answer, with when they may be asked again. */
    private final Map<String, Long> silentUntil = new ConcurrentHashMap<>();

    /**
     * @param closing whether the server is stopping, which ends a download at once
     */
    PackageFetcher(List<DependencySource> sources, OutboundPolicy outbound, RustlensConfig.Archive limits,
            BooleanSupplier closing) {
        this.sources = List.copyOf(sources);
        this.outbound = outbound;
        this.unpacker = new ArchiveUnpacker(limits);
        this.maxArchiveBytes = limits.maxBytes();
        this.closing = closing;
    }

    /** Why rustlens does not fetch this package at all, or empty when it may. */
    static Optional<String> notFetchable(LockedPackage locked) {
        if (locked.source().kind() != PackageSource.Kind.REGISTRY) {
            return Optional.of(locked.source().kind() == PackageSource.Kind.GIT
                    ? "a git dependency: Cargo.lock holds no checksum to check its source against"
                    : "a path dependency: its source is part of the repository, not a package");
        }
        if (locked.checksum().isEmpty()) {
            return Optional.of("Cargo.lock holds no checksum for it, so its source cannot be checked");
        }
        if (!SHA256.matcher(locked.checksum().get()).matches()) {
            return Optional.of("Cargo.lock's checksum for it is not a SHA-256 (line " + locked.line() + ")");
        }
        if (!NAME.matcher(locked.name()).matches() || !VERSION.matcher(locked.version()).matches()) {
            return Optional.of("its name or version is not one Cargo writes (Cargo.lock line " + locked.line() + ")");
        }
        return Optional.empty();
    }

    /** Whether the repository's own {@code vendor/} directory is a configured source. */
    boolean usesVendor() {
        return sources.stream().anyMatch(DependencySource.Vendor.class::isInstance);
    }

    /**
     * The repository directory that holds the vendored copy of {@code locked}, if any:
     * {@code vendor/<name>-<version>}, or {@code vendor/<name>} when its Cargo.toml has that version.
     *
     * @param vendored the directories directly under {@code vendor/} that hold a {@code .cargo-checksum.json}
     */
    static Optional<String> vendoredDirectory(LockedPackage locked, SourceTree repository, Set<String> vendored)
            throws IOException {
        String versioned = "vendor/" + locked.name() + "-" + locked.version();
        if (vendored.contains(versioned)) {
            return Optional.of(versioned);
        }
        String plain = "vendor/" + locked.name();
        if (!vendored.contains(plain)) {
            return Optional.empty();
        }
        SourceTree copy = PackageTrees.inside(repository, plain);
        Optional<SourceFile> manifest = copy.files().stream().filter(file -> file.path().equals("Cargo.toml")).findFirst();
        if (manifest.isEmpty()) {
            return Optional.empty();
        }
        try {
            CargoManifest parsed = CargoManifest.parse("Cargo.toml", copy.read(manifest.get()));
            return parsed.packageVersion(Optional.empty()).filter(locked.version()::equals).map(version -> plain);
        } catch (ManifestException e) {
            return Optional.empty(); // not readable as this version: the next source is asked
        }
    }

    /** The directories directly under the repository's {@code vendor/} that hold a {@code .cargo-checksum.json}. */
    static Set<String> vendoredPackages(SourceTree repository) throws IOException {
        Set<String> directories = new HashSet<>();
        for (SourceFile file : repository.files()) {
            String path = file.path();
            if (path.startsWith("vendor/") && path.endsWith("/" + CargoChecksum.FILE)
                    && path.indexOf('/', "vendor/".length()) == path.length() - CargoChecksum.FILE.length() - 1) {
                directories.add(path.substring(0, path.lastIndexOf('/')));
            }
        }
        return directories;
    }

    /** The vendored copy in {@code directory} of the repository, checked. */
    static Fetched vendored(LockedPackage locked, SourceTree repository, String directory) throws IOException {
        SourceTree copy = PackageTrees.inside(repository, directory);
        Optional<String> mismatch = CargoChecksum.mismatch(copy, locked.checksum().orElseThrow());
        return mismatch.<Fetched>map(why -> new Missing(Status.CHECKSUM_MISMATCH, directory + "/" + why, directory))
                .orElseGet(() -> new Found(copy, "vendor " + directory));
    }

    /**
     * The package from the directory and registry sources, in their order. Downloads and unpacked
     * archives go into {@code scratch}, which the caller deletes.
     */
    Fetched fetch(LockedPackage locked, Path scratch, long deadlineNanos) throws IOException {
        for (DependencySource source : sources) {
            Optional<Fetched> fetched = switch (source) {
                case DependencySource.Vendor vendor -> Optional.empty(); // the caller looks there first
                case DependencySource.Directory directory -> fromDirectory(locked, directory);
                case DependencySource.Registry registry -> locked.source().cratesIo()
                        ? Optional.of(download(locked, registry.url(locked), scratch, deadlineNanos))
                        : Optional.empty();
            };
            if (fetched.isPresent()) {
                return fetched.get();
            }
        }
        return new Missing(Status.UNAVAILABLE, locked.source().cratesIo()
                ? "no configured source holds it (rustlens.dependencies.sources)"
                : "it comes from " + locked.source().text() + ", and only crates.io's packages are downloaded;"
                        + " no other configured source holds it", "");
    }

    private static Optional<Fetched> fromDirectory(LockedPackage locked, DependencySource.Directory source)
            throws IOException {
        Path named = source.packageDirectory(locked);
        if (!named.normalize().startsWith(source.root()) || !Files.isDirectory(named)) {
            return Optional.empty();
        }
        // The configured directory is the admin's: a package directory there may be a link (inside
        // the package, links are never followed).
        Path directory = named.toRealPath();
        DirectorySourceTree tree = new DirectorySourceTree(directory);
        Optional<String> mismatch = CargoChecksum.mismatch(tree, locked.checksum().orElseThrow());
        return Optional.of(mismatch.<Fetched>map(why -> new Missing(Status.CHECKSUM_MISMATCH, directory + "/" + why,
                directory.toString())).orElseGet(() -> new Found(tree, directory.toString())));
    }

    private Fetched download(LockedPackage locked, URI url, Path scratch, long deadlineNanos) throws IOException {
        Path archive = scratch.resolve("package.crate");
        Long quietUntil = silentUntil.get(url.getAuthority());
        if (quietUntil != null && quietUntil - System.nanoTime() > 0) {
            return Missing.at(url, Status.TIMED_OUT, url.getAuthority() + " left a download unanswered within the last "
                    + QUIET_AFTER_SILENCE.toSeconds() + " s; it is not asked again before then");
        }
        Duration budget = Duration.ofNanos(Math.max(1, deadlineNanos - System.nanoTime()));
        OutboundSession session = outbound.open(budget, closing);
        String sha256;
        try (session) {
            HttpURLConnection connection = session.connection(url.toURL());
            for (int redirects = 0; isRedirect(connection.getResponseCode()); redirects++) {
                String location = connection.getHeaderField("Location");
                if (location == null || redirects == MAX_REDIRECTS) {
                    return Missing.at(url, Status.UNAVAILABLE, url + " redirects without end");
                }
                connection = session.connection(url.resolve(location).toURL());
            }
            int status = connection.getResponseCode();
            if (status == HttpURLConnection.HTTP_NOT_FOUND) {
                return Missing.at(url, Status.UNAVAILABLE, url + " does not exist (HTTP 404)");
            }
            if (status != HttpURLConnection.HTTP_OK) {
                return Missing.at(url, Status.UNAVAILABLE, url + " answered HTTP " + status);
            }
            try (InputStream in = connection.getInputStream()) {
                sha256 = save(in, archive);
            }
        } catch (OutboundRefused e) {
            return Missing.at(url, Status.UNAVAILABLE, url + ": " + e.getMessage());
        } catch (IOException e) {
            if (session.ending() != null || e instanceof SocketTimeoutException) {
                if (session.ending() == OutboundSession.Ending.STOPPED) {
                    return Missing.at(url, Status.TIMED_OUT, "the server stopped while " + url + " was downloaded");
                }
                silentUntil.put(url.getAuthority(), System.nanoTime() + QUIET_AFTER_SILENCE.toNanos());
                String within = e instanceof SocketTimeoutException ? "the read timeout (rustlens.outbound.read-timeout)"
                        : budget.toMillis() + " ms";
                return Missing.at(url, Status.TIMED_OUT, url + " did not answer within " + within);
            }
            return Missing.at(url, Status.UNAVAILABLE, url + " could not be read: " + e.getMessage());
        } catch (TooLarge e) {
            return Missing.at(url, Status.REFUSED, "the archive at " + url + " is larger than " + maxArchiveBytes
                    + " bytes (rustlens.archive.max-bytes)");
        }
        String locked256 = locked.checksum().orElseThrow();
        if (!sha256.equals(locked256)) {
            return Missing.at(url, Status.CHECKSUM_MISMATCH, "the archive at " + url + " has SHA-256 " + sha256
                    + ", Cargo.lock says " + locked256);
        }
        Path unpacked = Files.createDirectory(scratch.resolve("unpacked"));
        try (InputStream in = Files.newInputStream(archive)) {
            unpacker.unpack(in, unpacked);
        } catch (ArchiveUnpacker.BadArchiveException e) {
            return Missing.at(url, Status.REFUSED, "the archive at " + url + " was refused: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Path root = unpacked.resolve(locked.name() + "-" + locked.version());
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return Missing.at(url, Status.REFUSED, "the archive at " + url + " does not hold " + locked.name() + "-"
                    + locked.version() + "/, as a .crate does");
        }
        return new Found(new DirectorySourceTree(root), url.toString());
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Writes the answer to {@code target}, returning the SHA-256 of its bytes. */
    private String save(InputStream in, Path target) throws IOException {
        MessageDigest digest = CargoChecksum.sha256();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = writing(() -> Files.newOutputStream(target))) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                total += read;
                if (total > maxArchiveBytes) {
                    throw new TooLarge();
                }
                digest.update(buffer, 0, read);
                int length = read;
                writing(() -> {
                    out.write(buffer, 0, length);
                    return null;
                });
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A write to this server's disk: failing, it is the server's fault, never the registry's. */
    private interface Write<T> {
        T run() throws IOException;
    }

    private static <T> T writing(Write<T> write) {
        try {
            return write.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a downloaded package", DiskFull.causes(e) ? new DiskFull(e) : e);
        }
    }

    /** An answer over the archive limit: the download stops there. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }
}
