package io.lojal.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Reads the ledger straight from PostgreSQL, to check what the API says against what is stored. */
public final class Ledgers {

    private Ledgers() {
    }

    public static long sum(DataSource db, String memberId) {
        return single(db, "SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE member_id = ?", memberId);
    }

    /** What the member holds by its lots: their remaining points (pending and expired ones included) less its debt. */
    public static long heldInLots(DataSource db, String memberId) {
        return single(db, """
                SELECT COALESCE((SELECT SUM(remaining) FROM lot WHERE member_id = b.member_id), 0) - b.debt
                  FROM member_balance b WHERE b.member_id = ?""", memberId);
    }

    public static long count(DataSource db, String sql, String... parameters) {
        return single(db, sql, parameters);
    }

    private static long single(DataSource db, String sql, String... parameters) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
