package dev.rustlens.gate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A repository's own quality gate: its conditions and its new-code baseline. */
@Entity
@Table(name = "quality_gate")
public class QualityGate extends PanacheEntityBase {

    @Id
    @Column(name = "repository_id")
    public Long repositoryId;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<GateCondition> conditions;

    /** previous_scan, date, branch or scan. */
    public String baseline;

    /** The date, branch or scan id of the baseline. */
    @Column(name = "baseline_value")
    public String baselineValue;
}
