package dev.rustlens.bench;

import dev.rustlens.bench.detect.Threshold;
import dev.rustlens.bench.detect.ThresholdTest;
import dev.rustlens.bench.ingest.ParsedResult;
import dev.rustlens.database.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A threshold set for one measure of a benchmark; measures without one use the default. */
@Entity
@Table(name = "benchmark_threshold")
public class BenchmarkThreshold extends IdentityEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "benchmark_id")
    public Benchmark benchmark;

    public String measure;
    public String test;

    @Column(name = "window_size")
    public int windowSize;

    @Column(name = "min_sample_size")
    public int minSampleSize;

    @Column(name = "upper_boundary")
    public Double upperBoundary;

    @Column(name = "lower_boundary")
    public Double lowerBoundary;

    /** The threshold in force for {@code measure} of {@code benchmark}: the stored one or the default. */
    static Threshold effective(Benchmark benchmark, String measure) {
        BenchmarkThreshold stored = find("benchmark = ?1 and measure = ?2", benchmark, measure).firstResult();
        return effective(stored, measure);
    }

    /** The threshold in force for {@code measure} when {@code stored} is the one set for it (null: the default). */
    static Threshold effective(BenchmarkThreshold stored, String measure) {
        return stored == null ? Threshold.defaultFor(ParsedResult.higherIsWorse(measure))
                : new Threshold(ThresholdTest.of(stored.test), stored.windowSize, stored.minSampleSize,
                        stored.upperBoundary, stored.lowerBoundary);
    }
}
