package dev.rustlens.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustlens.analysis.Analyzer;
import dev.rustlens.analysis.FileResult;
import dev.rustlens.database.StorableText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.lang.ref.SoftReference;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/**
 * The content cache: file results by (git blob id, analyzer version), as JSON text (V29: read
 * whole by every scan, so PostgreSQL neither parses nor prints them). A scan loads what is known
 * for its blobs before it starts and writes what it computed in the transaction that ends it. Its
 * hits and misses are counted ({@code rustlens_result_cache_lookups_total}).
 *
 * <p>The results of each repository's last stored scan are also kept in memory, for the {@value
 * #REMEMBERED_REPOSITORIES} repositories scanned last, softly (the collector drops them before it
 * runs short): the next scan of the same history, a backfill's next commit or a push that changed
 * a few files, finds most of its files there instead of reading and parsing their JSON again
 * ({@code rustlens_result_cache_memory_hits_total}).
 */
@ApplicationScoped
public class FileResultStore {

    /** Results are stored as JSON; records and enums map as they are, strings as PostgreSQL can store them. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .registerModule(StorableText.json());

    private static final int LOOKUP_SLICE = 10_000;
    /** How many repositories' last results are kept in memory: about as many as scan at once. */
    static final int REMEMBERED_REPOSITORIES = 4;

    private final EntityManager entityManager;
    private final Counter hits;
    private final Counter misses;
    private final Counter memoryHits;
    /** By repository, the repository scanned last at the end; guarded by itself. */
    private final Map<Long, SoftReference<Remembered>> remembered = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, SoftReference<Remembered>> eldest) {
            return size() > REMEMBERED_REPOSITORIES;
        }
    };

    /** The results of a scan, by blob, for one analyzer version; never changed once remembered. */
    private record Remembered(String analyzerVersion, Map<String, FileResult> byBlob) {
    }

    public FileResultStore(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.hits = lookups(registry, "hit");
        this.misses = lookups(registry, "miss");
        this.memoryHits = Counter.builder("rustlens.result.cache.memory.hits")
                .description("Of the result cache's hits, those found in memory among the last stored scan's results")
                .register(registry);
    }

    private static Counter lookups(MeterRegistry registry, String result) {
        return Counter.builder("rustlens.result.cache.lookups")
                .description("Rust files looked up in the result cache as a scan starts, found (hit) or not (miss)")
                .tag("result", result).register(registry);
    }

    /** A scan's view of the cache: what was known before it, and what it adds. */
    public static final class ScanCache implements Analyzer.ResultCache {
        /** Null for a scan whose results are not remembered (an uploaded one has none). */
        private final Long repositoryId;
        private final Map<String, FileResult> known;
        private final Map<String, FileResult> fresh = new ConcurrentHashMap<>();

        private ScanCache(Long repositoryId, Map<String, FileResult> known) {
            this.repositoryId = repositoryId;
            this.known = known;
        }

        /** No results known, none to remember: for a scan uploaded with its findings. */
        static ScanCache none() {
            return new ScanCache(null, Map.of());
        }

        @Override
        public Optional<FileResult> get(String contentId) {
            return Optional.ofNullable(known.get(contentId));
        }

        @Override
        public void put(String contentId, FileResult result) {
            fresh.put(contentId, result);
        }

        Map<String, FileResult> fresh() {
            return fresh;
        }
    }

    /** Loads the cached results of a repository's blobs, from memory where its last stored scan had them. */
    @Transactional
    public ScanCache load(long repositoryId, Collection<String> blobIds, String analyzerVersion) {
        Map<String, FileResult> known = new HashMap<>();
        Set<String> distinct = new HashSet<>(blobIds); // the same blob at two paths is one lookup
        Remembered last;
        synchronized (remembered) {
            SoftReference<Remembered> kept = remembered.get(repositoryId);
            last = kept == null ? null : kept.get();
        }
        List<String> ids = new ArrayList<>(distinct.size());
        for (String blobId : distinct) {
            FileResult result = last != null && last.analyzerVersion().equals(analyzerVersion)
                    ? last.byBlob().get(blobId) : null;
            if (result != null) {
                known.put(blobId, result);
            } else {
                ids.add(blobId);
            }
        }
        memoryHits.increment(known.size());
        // PostgreSQL takes at most 32767 parameters a statement: ask in slices.
        for (int from = 0; from < ids.size(); from += LOOKUP_SLICE) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + LOOKUP_SLICE));
            for (Tuple row : entityManager.unwrap(Session.class).createNativeQuery("""
                    select blob_id, result from file_result
                    where analyzer_version = ?1 and blob_id in (?2)""", Tuple.class)
                    .setParameter(1, analyzerVersion).setParameterList(2, slice).getResultList()) {
                String blobId = row.get("blob_id", String.class);
                try {
                    known.put(blobId, JSON.readValue(row.get("result", String.class), FileResult.class));
                } catch (JsonProcessingException e) {
                    // An unreadable row is only a cache miss: the file is analysed again.
                    org.jboss.logging.Logger.getLogger(FileResultStore.class)
                            .warnf("cached result of blob %s is unreadable; analysing it again: %s", blobId, e.getMessage());
                }
            }
        }
        hits.increment(known.size());
        misses.increment(distinct.size() - known.size());
        return new ScanCache(repositoryId, known);
    }

    /**
     * Writes a scan's new results; runs inside the transaction that stores the scan. The scan's
     * results, loaded and new, become the ones kept in memory for its repository: a result depends
     * only on its content and the analyzer version, so they hold whether or not this transaction
     * commits.
     */
    void save(ScanCache cache, String analyzerVersion) {
        if (cache.repositoryId != null) {
            Map<String, FileResult> all = new HashMap<>(cache.known);
            all.putAll(cache.fresh());
            synchronized (remembered) {
                remembered.put(cache.repositoryId, new SoftReference<>(new Remembered(analyzerVersion, all)));
            }
        }
        if (cache.fresh().isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into file_result (blob_id, analyzer_version, result) values (?, ?, ?)
                    on conflict do nothing""")) {
                int count = 0;
                for (Map.Entry<String, FileResult> entry : cache.fresh().entrySet()) {
                    insert.setString(1, entry.getKey());
                    insert.setString(2, analyzerVersion);
                    insert.setString(3, JSON.writeValueAsString(entry.getValue()));
                    insert.addBatch();
                    if (++count % 500 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a file result cannot be written as JSON", e);
            }
        });
    }
}
