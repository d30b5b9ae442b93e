package dev.rustlens.gate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A repository's own quality gate of one scope: its conditions and its new-code baseline. */
@Entity
@Table(name = "quality_gate")
@IdClass(QualityGate.Key.class)
public class QualityGate extends PanacheEntityBase {

    @Id
    @Column(name = "repository_id")
    public Long repositoryId;

    /** {@code main} or {@code pull_request} ({@link GateScope}). */
    @Id
    public String scope;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<GateCondition> conditions;

    /** previous_scan, date, branch or scan; merge_base for the pull-request gate. */
    public String baseline;

    /** The date, branch or scan id of the baseline. */
    @Column(name = "baseline_value")
    public String baselineValue;

    /** The primary key: a repository and a scope. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public Long repositoryId;
        public String scope;

        public Key() {
        }

        Key(Long repositoryId, String scope) {
            this.repositoryId = repositoryId;
            this.scope = scope;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(repositoryId, key.repositoryId)
                    && Objects.equals(scope, key.scope);
        }

        @Override
        public int hashCode() {
            return Objects.hash(repositoryId, scope);
        }
    }
}
