package io.lojal.common;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * Plain JDBC for the statements every earn, redeem and idempotent call runs: through Hibernate's native queries each
 * one cost several times its database time in parameter and result handling. Inside a transaction the data source
 * hands out the transaction's own connection, the one Hibernate uses, so both see the same uncommitted rows; entity
 * changes Hibernate still holds are flushed first, as its native queries would. Parameters are numbered as in JPA
 * native queries ({@code ?1}, {@code ?2}, a number may repeat), so a statement reads the same either way.
 */
@ApplicationScoped
public class Sql {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    TransactionManager transactions;

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    public <T> List<T> list(String sql, Row<T> mapper, Object... parameters) {
        flushPendingEntities();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** The one row the statement returns. */
    public <T> T one(String sql, Row<T> mapper, Object... parameters) {
        List<T> rows = list(sql, mapper, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException("Expected one row, got " + rows.size() + ": " + sql);
        }
        return rows.get(0);
    }

    /** Rows changed. */
    public int update(String sql, Object... parameters) {
        flushPendingEntities();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] parameters) throws SQLException {
        Numbered numbered = NUMBERED.computeIfAbsent(sql, Numbered::of);
        PreparedStatement statement = connection.prepareStatement(numbered.jdbc());
        for (int i = 0; i < numbered.order().length; i++) {
            Object value = parameters[numbered.order()[i] - 1];
            if (value == null) {
                // Untyped: PostgreSQL infers the type from where the parameter is used.
                statement.setNull(i + 1, Types.OTHER);
            } else if (value instanceof Instant instant) {
                statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    private static final Map<String, Numbered> NUMBERED = new ConcurrentHashMap<>();

    /** A statement with JDBC's plain {@code ?} markers, and which numbered parameter each one takes. */
    private record Numbered(String jdbc, int[] order) {

        private static final Pattern MARKER = Pattern.compile("\\?(\\d+)");

        static Numbered of(String sql) {
            Matcher marker = MARKER.matcher(sql);
            List<Integer> order = new ArrayList<>();
            while (marker.find()) {
                order.add(Integer.parseInt(marker.group(1)));
            }
            return new Numbered(marker.replaceAll("?"), order.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** Outside a transaction there is nothing to flush (and maybe no session to ask, as on a worker thread). */
    private void flushPendingEntities() {
        if (!inTransaction()) {
            return;
        }
        Session session = em.unwrap(Session.class);
        if (session.isDirty()) {
            session.flush();
        }
    }

    private boolean inTransaction() {
        try {
            return transactions.getStatus() == Status.STATUS_ACTIVE;
        } catch (SystemException e) {
            return false;
        }
    }

    /** A database failure: the transaction rolls back and the caller gets the generic 500 problem. */
    public static class DatabaseException extends RuntimeException {
        DatabaseException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
