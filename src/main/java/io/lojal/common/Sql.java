package io.lojal.common;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.postgresql.util.PGobject;
import org.postgresql.util.PSQLException;

/**
 * Plain JDBC for the statements every earn, redeem and idempotent call runs: through Hibernate's native queries each
 * one cost several times its database time in parameter and result handling. Inside a transaction the data source
 * hands out the transaction's own connection, the one Hibernate uses, so both see the same uncommitted rows; entity
 * changes Hibernate still holds are flushed first, as its native queries would. Parameters are numbered as in JPA
 * native queries ({@code ?1}, {@code ?2}, a number may repeat), so a statement reads the same either way.
 * Round trips, not statements, are what a request pays most for (a system call and a wake-up each way, on both
 * sides): a {@link Trip} sends several statements in one, {@link #later} lets a write go with the next one, and
 * {@link Trip#commit()} sends the transaction's last statements with its COMMIT.
 */
@ApplicationScoped
public class Sql {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    TransactionManager transactions;

    @Inject
    TransactionSynchronizationRegistry registry;

    /**
     * Maps the current row of a result set. It runs while the statement holds its connection: it must not reach the
     * database itself (a cache that loads on a miss included), or every pooled connection can end up held by a
     * request that waits for another one.
     */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** The SQLSTATE of the database function {@code lojal_assert} when its condition does not hold. */
    public static final String ASSERTION_FAILED = "LJ001";

    /** A statement and its numbered parameters, for code that composes statements. */
    public record Query(String sql, Object... parameters) {
    }

    public <T> List<T> list(String sql, Row<T> mapper, Object... parameters) {
        Trip trip = trip();
        Trip.Rows<T> rows = trip.query(sql, mapper, parameters);
        trip.run();
        return rows.list();
    }

    /** The one row the statement returns. */
    public <T> T one(String sql, Row<T> mapper, Object... parameters) {
        return single(list(sql, mapper, parameters), sql);
    }

    /** Rows changed. */
    public int update(String sql, Object... parameters) {
        Trip trip = trip();
        Trip.Count count = trip.update(sql, parameters);
        trip.run();
        return count.rows();
    }

    /**
     * A write whose outcome can wait: it goes to PostgreSQL in the same round trip as the transaction's next statement
     * (or at commit, if none follows), ahead of it. If it fails, that next statement fails, and the transaction rolls
     * back.
     */
    public void later(String sql, Object... parameters) {
        if (!inTransaction()) {
            throw new IllegalStateException("A later write needs a transaction: " + sql);
        }
        @SuppressWarnings("unchecked")
        List<Later> pending = (List<Later>) registry.getResource(Later.class);
        if (pending == null) {
            pending = new ArrayList<>();
            registry.putResource(Later.class, pending);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // Hibernate flushes its own entities at commit; asking it here would open it a session too late.
                    trip().run(false);
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        }
        pending.add(new Later(sql, parameters));
    }

    private record Later(String sql, Object[] parameters) {
    }

    /**
     * Statements sent to PostgreSQL together, in one round trip. It runs them one after the other, each with a snapshot
     * of its own, so a statement sees what the statements before it did, or waited for: a read after a lock sees every
     * transaction that held the lock. Results are read once {@link Trip#run()} returned.
     */
    public Trip trip() {
        return new Trip();
    }

    /** One round trip of statements; see {@link #trip()}. */
    public final class Trip {

        private final List<Step> steps = new ArrayList<>();

        /** A query's rows, there after the trip. */
        public <T> Rows<T> query(String sql, Row<T> mapper, Object... parameters) {
            Rows<T> rows = new Rows<>(sql, mapper, parameters);
            steps.add(rows);
            return rows;
        }

        /** A write's changed row count, there after the trip. */
        public Count update(String sql, Object... parameters) {
            Count count = new Count(sql, parameters);
            steps.add(count);
            return count;
        }

        public void run() {
            run(true);
        }

        /**
         * Runs the trip as the end of its transaction: its statements, then COMMIT, in one round trip, so that the
         * commit costs no round trip of its own (the transaction manager's commit then finds nothing left to do). Only
         * for the method that began the transaction, as its last step: a statement after it would run outside the
         * transaction, so this class refuses one. Later writes go with it. If a statement fails, PostgreSQL skips
         * the rest, COMMIT included, and the transaction manager rolls back; so it does in a transaction that can no
         * longer commit.
         */
        public void commit() {
            if (!inTransaction()) {
                run();
                return;
            }
            flushPendingEntities();
            update("COMMIT");
            run(false);
            registry.putResource(COMMITTED, Boolean.TRUE);
        }

        private void run(boolean flushEntities) {
            if (flushEntities) {
                flushPendingEntities();
            }
            steps.addAll(0, takeLater().stream().map(write -> new Count(write.sql(), write.parameters())).toList());
            if (steps.isEmpty()) {
                return;
            }
            if (committed()) {
                throw new IllegalStateException("The transaction has committed: " + steps.get(0).sql);
            }
            Numbered numbered = NUMBERED.computeIfAbsent(steps.stream().map(step -> step.sql).toList(), Numbered::of);
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(numbered.jdbc())) {
                bind(connection, statement, numbered, steps.stream().map(step -> step.parameters).toList());
                boolean rows = statement.execute();
                for (int i = 0; i < steps.size(); i++) {
                    if (i > 0) {
                        rows = statement.getMoreResults();
                    }
                    steps.get(i).read(statement, rows);
                }
            } catch (SQLException e) {
                throw new DatabaseException(e);
            }
        }

        private abstract static sealed class Step permits Rows, Count {
            final String sql;
            final Object[] parameters;

            Step(String sql, Object[] parameters) {
                this.sql = sql;
                this.parameters = parameters;
            }

            abstract void read(PreparedStatement statement, boolean rows) throws SQLException;
        }

        public static final class Rows<T> extends Step {
            private final Row<T> mapper;
            private List<T> result;

            Rows(String sql, Row<T> mapper, Object[] parameters) {
                super(sql, parameters);
                this.mapper = mapper;
            }

            @Override
            void read(PreparedStatement statement, boolean rows) throws SQLException {
                if (!rows) {
                    throw new IllegalStateException("Expected rows: " + sql);
                }
                result = new ArrayList<>();
                try (ResultSet set = statement.getResultSet()) {
                    while (set.next()) {
                        result.add(mapper.map(set));
                    }
                }
            }

            public List<T> list() {
                if (result == null) {
                    throw new IllegalStateException("The trip has not run: " + sql);
                }
                return result;
            }

            public T one() {
                return single(list(), sql);
            }

            /** The first row, if any. */
            public Optional<T> first() {
                return list().stream().findFirst();
            }
        }

        public static final class Count extends Step {
            private int rows = -1;

            Count(String sql, Object[] parameters) {
                super(sql, parameters);
            }

            @Override
            void read(PreparedStatement statement, boolean rows) throws SQLException {
                this.rows = statement.getUpdateCount();
            }

            public int rows() {
                if (rows < 0) {
                    throw new IllegalStateException("The trip has not run: " + sql);
                }
                return rows;
            }
        }
    }

    private static <T> T single(List<T> rows, String sql) {
        if (rows.size() != 1) {
            throw new IllegalStateException("Expected one row, got " + rows.size() + ": " + sql);
        }
        return rows.get(0);
    }

    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void bind(Connection connection, PreparedStatement statement, Numbered numbered,
                             List<Object[]> parameters) throws SQLException {
        String[] types = null;
        for (int i = 0; i < numbered.order().length; i++) {
            Object value = parameters.get(numbered.statement()[i])[numbered.order()[i] - 1];
            if (value == null) {
                if (types == null) {
                    types = nullTypes(connection, numbered);
                }
                statement.setObject(i + 1, typedNull(types[i]));
            } else if (value instanceof Instant instant) {
                statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private static final Map<String, String[]> NULL_TYPES = new ConcurrentHashMap<>();

    /**
     * For each parameter of the statements, the type a null goes with: the one PostgreSQL gives the parameter, asked
     * once per statement text. A null sent without a type makes pgjdbc describe the statement, and it then sends a
     * described statement whose rows have no bounded size (a text column will do) only after a Sync and the answers
     * to everything before it (QueryExecutorImpl.flushIfDeadlockRisk): a round trip more for each such statement in
     * a trip, an earn's two became four. PostgreSQL is asked about a copy of the text, which pgjdbc caches apart, so
     * that the statements themselves are never described.
     */
    private static String[] nullTypes(Connection connection, Numbered numbered) throws SQLException {
        String[] types = NULL_TYPES.get(numbered.jdbc());
        if (types != null) {
            return types;
        }
        try (PreparedStatement copy = connection.prepareStatement(numbered.jdbc() + "\n-- parameter types")) {
            ParameterMetaData described = copy.getParameterMetaData();
            types = new String[described.getParameterCount()];
            for (int i = 0; i < types.length; i++) {
                // Java's strings go as varchar: a null of the same type keeps the prepared statement, which pgjdbc
                // parses again whenever a parameter's type changes.
                String type = described.getParameterTypeName(i + 1);
                types[i] = "text".equals(type) ? "varchar" : type;
            }
        }
        NULL_TYPES.put(numbered.jdbc(), types);
        return types;
    }

    private static PGobject typedNull(String type) throws SQLException {
        PGobject value = new PGobject();
        value.setType(type);
        value.setValue(null);
        return value;
    }

    /** The statement with its numbered parameters moved up by {@code by}: ?1 becomes ?(1 + by), to go after others. */
    public static String shifted(String statement, int by) {
        return Numbered.MARKER.matcher(statement).replaceAll(marker -> "?" + (Integer.parseInt(marker.group(1)) + by));
    }

    private static final Map<List<String>, Numbered> NUMBERED = new ConcurrentHashMap<>();

    /**
     * Statements joined into one with JDBC's plain {@code ?} markers, and for each marker the statement it belongs to
     * and which of that statement's numbered parameters it takes.
     */
    private record Numbered(String jdbc, int[] statement, int[] order) {

        private static final Pattern MARKER = Pattern.compile("\\?(\\d+)");

        static Numbered of(List<String> statements) {
            List<String> jdbc = new ArrayList<>();
            List<int[]> markers = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
                Matcher marker = MARKER.matcher(statements.get(i));
                while (marker.find()) {
                    markers.add(new int[] {i, Integer.parseInt(marker.group(1))});
                }
                jdbc.add(marker.replaceAll("?"));
            }
            return new Numbered(String.join(";\n", jdbc), markers.stream().mapToInt(m -> m[0]).toArray(),
                    markers.stream().mapToInt(m -> m[1]).toArray());
        }
    }

    /** The later writes waiting for the next round trip, taken off the queue. */
    private List<Later> takeLater() {
        List<Later> pending = pendingLater();
        List<Later> taken = List.copyOf(pending);
        pending.clear();
        return taken;
    }

    private List<Later> pendingLater() {
        if (registry.getTransactionKey() == null) {
            return new ArrayList<>();
        }
        @SuppressWarnings("unchecked")
        List<Later> pending = (List<Later>) registry.getResource(Later.class);
        return pending == null ? new ArrayList<>() : pending;
    }

    /** The key that marks a transaction whose COMMIT {@link Trip#commit()} has sent. */
    private static final String COMMITTED = Sql.class.getName() + ".committed";

    private boolean committed() {
        return registry.getTransactionKey() != null && registry.getResource(COMMITTED) != null;
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

    /**
     * A database failure: the transaction rolls back and the caller gets the generic 500 problem, unless it knows the
     * failure by its SQLSTATE (and constraint) and answers it.
     */
    public static class DatabaseException extends RuntimeException {
        DatabaseException(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        public String sqlState() {
            return ((SQLException) getCause()).getSQLState();
        }

        /** Whether PostgreSQL refused a row for breaking this constraint (unique, foreign key, check). */
        public boolean broke(String constraint) {
            return getCause() instanceof PSQLException e && e.getServerErrorMessage() != null
                    && constraint.equals(e.getServerErrorMessage().getConstraint());
        }
    }
}
