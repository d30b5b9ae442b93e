package dev.rustlens.scan;

import dev.rustlens.analysis.check.VerificationEvidence;
import dev.rustlens.database.IdentityEntity;
import dev.rustlens.scoring.FixRanking;
import dev.rustlens.scoring.Rating;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One crate as one scan saw it: its headline counts, and every metric in {@link #metrics}. */
@Entity
@Table(name = "crate_snapshot")
public class CrateSnapshot extends IdentityEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "scan_id")
    public Scan scan;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "crate_id")
    public Crate crate;

    /** Directory of the crate in the repository; empty for the root. */
    public String path;

    public String version;

    public String edition;

    public int files;

    @Column(name = "code_lines")
    public int codeLines;

    @Column(name = "unsafe_blocks")
    public int unsafeBlocks;

    @Column(name = "unsafe_functions")
    public int unsafeFunctions;

    @Column(name = "unsafe_methods")
    public int unsafeMethods;

    @Column(name = "unsafe_impls")
    public int unsafeImpls;

    @Column(name = "unsafe_traits")
    public int unsafeTraits;

    @Column(name = "extern_blocks")
    public int externBlocks;

    @Column(name = "unsafe_in_macros")
    public int unsafeInMacros;

    public int findings;

    /** Every metric by its key (see {@code dev.rustlens.analysis.metric.Metric}). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Long> metrics;

    /** The safety score 0-100 (docs/scoring.md); null until scored. */
    public Integer score;

    public String grade;

    @Column(name = "score_formula")
    public Integer scoreFormula;

    /** The score unrounded, which fix ranking compares. */
    @Column(name = "score_exact")
    public Double scoreExact;

    /** The sub-ratings that explain the score, with their parts. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Rating> ratings;

    /** The fixes that recover points, best first. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<FixRanking.Fix> fixes;

    /** What fixing one finding of each check that counts is worth, by check id. */
    @Column(name = "fix_worth")
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, FixRanking.Worth> fixWorth;

    /** The verification evidence found in the repository's files, with the file that shows each. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<VerificationEvidence> evidence;

    /**
     * The snapshot whose unsafe_site rows are this one's, when it shares them (docs/database.md);
     * written once, with the snapshot: only SQL changes it later ({@link SharedUnsafeSites}).
     */
    @Column(name = "unsafe_sites_of", updatable = false)
    public Long unsafeSitesOf;

    /** What a later scan's snapshot of the crate compares to share these sites ({@link SharedUnsafeSites#digest}). */
    @Column(name = "unsafe_sites_digest", updatable = false)
    public String unsafeSitesDigest;

    /**
     * Joins the crate snapshot of each row {@code rows} (a table alias; its {@code crate_snapshot_id})
     * as {@code o}, and as {@code n} the snapshot of the same crate in scan {@code ?1}: how rows of
     * one scan are put onto, or read as, another scan's of the same commit, which has the same crates.
     */
    static String sameCrateInScan1(String rows) {
        return " join crate_snapshot o on o.id = " + rows + ".crate_snapshot_id"
                + " join crate_snapshot n on n.scan_id = ?1 and n.crate_id = o.crate_id ";
    }

    /**
     * The id that snapshot {@code snapshot} (a table alias)'s unsafe sites carry in
     * {@code unsafe_site.crate_snapshot_id}: its own, or that of the snapshot whose sites it shares
     * (an unchanged rescan's, or an unchanged crate's on its branch; docs/database.md).
     */
    public static String unsafeSitesOf(String snapshot) {
        return "coalesce(" + snapshot + ".unsafe_sites_of, " + snapshot + ".id)";
    }

    /**
     * Joins as {@code snapshot} each crate snapshot that reads the unsafe sites {@code sites} (a table
     * alias of {@code unsafe_site}): the one they carry the id of, and those sharing its sites.
     */
    public static String readingUnsafeSites(String sites, String snapshot) {
        return " join crate_snapshot " + snapshot + " on " + sites + ".crate_snapshot_id = " + unsafeSitesOf(snapshot) + " ";
    }

    /** The crates of a scan, by crate path, with their crates loaded in the same query (callers show their names). */
    public static List<CrateSnapshot> listForScan(Scan scan) {
        return find("from CrateSnapshot s join fetch s.crate where s.scan = ?1 order by s.path", scan).list();
    }
}
