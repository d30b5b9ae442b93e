package dev.rustlens.supply;

import dev.rustlens.analysis.dependencies.LockedPackage;
import dev.rustlens.supply.PackageUnsafe.Status;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The server's shared record of analysed packages (table {@code package_analysis}): one row per
 * package version, checksum and analyzer version, read for a whole lock file in one query.
 */
@ApplicationScoped
public class PackageAnalysisStore {

    private static final String COLUMNS = "name, version, checksum, analyzer_version, status, reason, files, code_lines,"
            + " unsafe_blocks, unsafe_functions, unsafe_methods, unsafe_impls, unsafe_traits, extern_blocks,"
            + " forbids_unsafe, unsafe_rating";

    private final DataSource dataSource;

    public PackageAnalysisStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The recorded outcomes of these packages (those with a checksum), by {@link LockedPackage#key()}. */
    public Map<String, PackageUnsafe> find(Collection<LockedPackage> packages, String analyzerVersion) {
        Map<String, PackageUnsafe> found = new HashMap<>();
        if (packages.isEmpty()) {
            return found;
        }
        String[] names = packages.stream().map(LockedPackage::name).toArray(String[]::new);
        String[] versions = packages.stream().map(LockedPackage::version).toArray(String[]::new);
        String[] checksums = packages.stream().map(locked -> locked.checksum().orElse("")).toArray(String[]::new);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                        + " from package_analysis join unnest(?, ?, ?) as wanted (name, version, checksum)"
                        + " using (name, version, checksum) where analyzer_version = ?")) {
            select.setArray(1, connection.createArrayOf("text", names));
            select.setArray(2, connection.createArrayOf("text", versions));
            select.setArray(3, connection.createArrayOf("text", checksums));
            select.setString(4, analyzerVersion);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    PackageUnsafe row = read(rows);
                    found.put(row.name() + " " + row.version(), row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the analysed packages", e);
        }
        return found;
    }

    /**
     * Records a lasting outcome (analysed or refused) read from {@code source}; a row another
     * scan or server recorded first is kept.
     */
    public void save(PackageUnsafe outcome, String source) {
        if (outcome.status() != Status.ANALYSED && outcome.status() != Status.REFUSED) {
            throw new IllegalArgumentException(outcome.status() + " is not kept: the next scan tries again");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into package_analysis (" + COLUMNS
                        + ", source) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            insert.setString(1, outcome.name());
            insert.setString(2, outcome.version());
            insert.setString(3, outcome.checksum());
            insert.setString(4, outcome.analyzerVersion());
            insert.setString(5, outcome.status().name());
            insert.setString(6, outcome.reason());
            insert.setInt(7, outcome.files());
            insert.setInt(8, outcome.codeLines());
            insert.setInt(9, outcome.unsafeBlocks());
            insert.setInt(10, outcome.unsafeFunctions());
            insert.setInt(11, outcome.unsafeMethods());
            insert.setInt(12, outcome.unsafeImpls());
            insert.setInt(13, outcome.unsafeTraits());
            insert.setInt(14, outcome.externBlocks());
            insert.setBoolean(15, outcome.forbidsUnsafe());
            insert.setString(16, outcome.unsafeRating());
            insert.setString(17, source);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the analysis of " + outcome.name() + " " + outcome.version(), e);
        }
    }

    private static PackageUnsafe read(ResultSet row) throws SQLException {
        return new PackageUnsafe(row.getString("name"), row.getString("version"), row.getString("checksum"),
                Status.valueOf(row.getString("status")), row.getString("reason"), row.getInt("files"),
                row.getInt("code_lines"), row.getInt("unsafe_blocks"), row.getInt("unsafe_functions"),
                row.getInt("unsafe_methods"), row.getInt("unsafe_impls"), row.getInt("unsafe_traits"),
                row.getInt("extern_blocks"), row.getBoolean("forbids_unsafe"), row.getString("unsafe_rating"),
                row.getString("analyzer_version"));
    }
}
