package io.newsclaims.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Providers seen in stored claims, with how many claims are about each. */
public final class ProviderReader {
    /** A provider and its number of claims. */
    public record ProviderRow(String id, String name, long claims) {
    }

    private final Database db;

    public ProviderReader(Database db) {
        this.db = db;
    }

    public List<ProviderRow> all() throws SQLException {
        String sql = "SELECT p.id, p.name, COUNT(c.id) FROM providers p LEFT JOIN claims c ON c.provider_id = p.id"
                + " GROUP BY p.id, p.name ORDER BY COUNT(c.id) DESC, p.id";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            List<ProviderRow> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new ProviderRow(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
            return out;
        }
    }

    /**
     * The id of the provider among ROWS that VALUE names by id or display name, compared by
     * {@link #nameKey} ("Alibaba-Cloud", "alibaba cloud" and "alibaba-cloud" are one); empty when none does.
     */
    public static Optional<String> idNamed(String value, List<ProviderRow> rows) {
        String key = nameKey(value);
        return rows.stream().filter(row -> nameKey(row.id()).equals(key) || row.name() != null && nameKey(row.name()).equals(key))
                .map(ProviderRow::id).findFirst();
    }

    /** A provider name compared without case, spaces, hyphens or punctuation. */
    public static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
