package dev.rustlens.bench;

import dev.rustlens.database.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A result that crossed its threshold, with the baseline it was judged against. */
@Entity
@Table(name = "benchmark_alert")
public class BenchmarkAlert extends IdentityEntity {

    /** Where an alert is in its life; lower case as stored and sent. */
    public enum Status {
        /** Raised and not looked at yet: counts against the quality gate. */
        open,
        /** Seen by someone; still not fixed. */
        acknowledged,
        /** Fixed or accepted. */
        resolved
    }

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "result_id")
    public BenchmarkResult result;

    public String test;
    public String boundary;

    @Column(name = "baseline_mean")
    public double baselineMean;

    @Column(name = "baseline_spread")
    public double baselineSpread;

    @Column(name = "baseline_size")
    public int baselineSize;

    @Column(name = "limit_value")
    public double limitValue;

    public double value;

    @Column(name = "change_percent")
    public double changePercent;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Who acknowledged or resolved the alert (the signed-in user or the token's owner); null while open. */
    @Column(name = "changed_by")
    public String changedBy;
}
