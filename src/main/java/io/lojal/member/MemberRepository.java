package io.lojal.member;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lojal.common.JsonColumns;
import io.lojal.common.PageRequest;
import io.lojal.common.Sql;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, String> {

    @Inject
    Sql sql;

    @Inject
    JsonColumns json;

    /**
     * The member as it is now, as a statement of the trip (no row when there is none), read with plain JDBC and not
     * managed by Hibernate: for the calls that only read it (every earn, redeem and app screen), where an entity load
     * cost several times the query.
     */
    public Sql.Trip.Rows<Member> read(Sql.Trip trip, String id) {
        return readWhere(trip, "id", id);
    }

    /** As {@link #read}, by externalId. */
    public Sql.Trip.Rows<Member> readByExternalId(Sql.Trip trip, String externalId) {
        return readWhere(trip, "external_id", externalId);
    }

    /** As {@link #read}, by externalId, in a round trip of its own. */
    public Optional<Member> readByExternalId(String externalId) {
        Sql.Trip trip = sql.trip();
        Sql.Trip.Rows<Member> member = readByExternalId(trip, externalId);
        trip.run();
        return member.first();
    }

    private Sql.Trip.Rows<Member> readWhere(Sql.Trip trip, String column, String value) {
        return trip.query("SELECT " + COLUMNS + " FROM member m WHERE m.%s = ?1".formatted(column), row -> member(row, 1), value);
    }

    /** Maps a row of {@link #readWithBalance}: the member, and its balance's columns after {@link #COLUMN_COUNT}. */
    @FunctionalInterface
    public interface WithMember<T> {
        T map(ResultSet row, Member member) throws SQLException;
    }

    /**
     * As {@link #read} (by id, or by externalId when {@code byId} is false), with {@code columns} of the member's
     * balance row {@code b} after the member's own, in the same statement.
     */
    public <T> Sql.Trip.Rows<T> readWithBalance(Sql.Trip trip, boolean byId, String value, String columns,
                                                WithMember<T> mapper) {
        String where = byId ? "id" : "external_id";
        return trip.query("SELECT " + COLUMNS + ", " + columns
                        + " FROM member m JOIN member_balance b ON b.member_id = m.id WHERE m." + where + " = ?1",
                row -> mapper.map(row, member(row, 1)), value);
    }

    /** The columns {@link #member(ResultSet, int)} reads, of the member table as {@code m}. */
    public static final String COLUMNS = """
            m.id, m.external_id, m.email, m.name, m.birth_date, m.status, m.tier_code, m.tier_valid_until,
            m.attributes::text, m.referred_by, m.enrolled_at, m.erased_at""";

    /** How many {@link #COLUMNS} there are. */
    public static final int COLUMN_COUNT = 12;

    /** The member in the row's {@link #COLUMNS}, the first of them at {@code first}. */
    public Member member(ResultSet row, int first) throws SQLException {
        int at = first - 1;
        Member member = new Member();
        member.id = row.getString(at + 1);
        member.externalId = row.getString(at + 2);
        member.email = row.getString(at + 3);
        member.name = row.getString(at + 4);
        member.birthDate = row.getObject(at + 5, LocalDate.class);
        member.status = MemberStatus.valueOf(row.getString(at + 6));
        member.tierCode = row.getString(at + 7);
        member.tierValidUntil = Sql.instant(row, at + 8);
        member.attributes = json.read(row.getString(at + 9), ATTRIBUTES);
        member.referredBy = row.getString(at + 10);
        member.enrolledAt = Sql.instant(row, at + 11);
        member.erasedAt = Sql.instant(row, at + 12);
        return member;
    }

    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };

    public Optional<Member> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    /** Newest enrolments first, {@code limit + 1} rows so the caller can tell whether more follow. */
    public List<Member> page(PageRequest page) {
        if (page.after() == null) {
            return find("ORDER BY enrolledAt DESC, id DESC").page(0, page.limit() + 1).list();
        }
        return find("(enrolledAt < :at OR (enrolledAt = :at AND id < :id)) ORDER BY enrolledAt DESC, id DESC",
                Parameters.with("at", page.after().at()).and("id", page.after().id()))
                .page(0, page.limit() + 1).list();
    }
}
