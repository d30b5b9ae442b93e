package dev.rustlens.bench;

import dev.rustlens.database.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** One measured value of a benchmark measure at a commit, on a branch and testbed. */
@Entity
@Table(name = "benchmark_result")
public class BenchmarkResult extends IdentityEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "benchmark_id")
    public Benchmark benchmark;

    public String measure;
    public double value;

    @Column(name = "lower_value")
    public Double lowerValue;

    @Column(name = "upper_value")
    public Double upperValue;

    @Column(name = "commit_sha")
    public String commitSha;

    public String branch;
    public String testbed;

    /** When the commit was made, as the upload said; null when it did not say. */
    @Column(name = "committed_at")
    public OffsetDateTime committedAt;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    static Optional<BenchmarkResult> find(Benchmark benchmark, String measure, String commit, String branch,
            String testbed) {
        return find("benchmark = ?1 and measure = ?2 and commitSha = ?3 and branch = ?4 and testbed = ?5", benchmark,
                measure, commit, branch, testbed).firstResultOptional();
    }

    /** The last {@code limit} results before {@code beforeId} on the same branch and testbed, oldest first. */
    static List<BenchmarkResult> window(BenchmarkResult result, int limit) {
        List<BenchmarkResult> newestFirst = find(
                "benchmark = ?1 and measure = ?2 and branch = ?3 and testbed = ?4 and id < ?5 order by id desc",
                result.benchmark, result.measure, result.branch, result.testbed, result.id).page(0, limit).list();
        return newestFirst.reversed();
    }
}
