package io.lojal.offer;

import static io.lojal.common.SqlValues.instant;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lojal.common.JsonColumns;
import io.lojal.common.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class OfferRepository {

    private static final String COLUMNS = """
            id, name, description, discount_type, discount_value, eligible_tiers::text, eligible_members::text, starts_at,
            ends_at, early_tiers::text, early_starts_at, per_member_limit, total_limit, claimed, created_at, updated_at""";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    @Inject
    EntityManager em;

    @Inject
    JsonColumns json;

    public Optional<Offer> find(String id) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM offer WHERE id = ?1").setParameter(1, id)).stream().findFirst();
    }

    /** Newest first, {@code limit + 1} rows so the caller can tell whether more follow. */
    public List<Offer> page(PageRequest page) {
        if (page.after() == null) {
            return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM offer ORDER BY created_at DESC, id DESC LIMIT ?1")
                    .setParameter(1, page.limit() + 1));
        }
        return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM offer WHERE (created_at, id) < (?1, ?2)"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?3")
                .setParameter(1, page.after().at()).setParameter(2, page.after().id()).setParameter(3, page.limit() + 1));
    }

    /** Offers whose window (early access included) is open at {@code now}. */
    public List<Offer> openAt(Instant now) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM offer WHERE ends_at > ?1"
                        + " AND (starts_at <= ?1 OR early_starts_at <= ?1) ORDER BY starts_at DESC, id DESC")
                .setParameter(1, now));
    }

    public void insert(Offer offer) {
        bind(em.createNativeQuery("""
                INSERT INTO offer (id, name, description, discount_type, discount_value, eligible_tiers, eligible_members,
                                   starts_at, ends_at, early_tiers, early_starts_at, per_member_limit, total_limit,
                                   updated_at, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), CAST(?7 AS jsonb), ?8, ?9, CAST(?10 AS jsonb), ?11, ?12, ?13, ?14, ?15)"""),
                offer).setParameter(15, offer.createdAt()).executeUpdate();
    }

    public boolean update(Offer offer) {
        return bind(em.createNativeQuery("""
                UPDATE offer SET name = ?2, description = ?3, discount_type = ?4, discount_value = ?5,
                       eligible_tiers = CAST(?6 AS jsonb), eligible_members = CAST(?7 AS jsonb), starts_at = ?8, ends_at = ?9,
                       early_tiers = CAST(?10 AS jsonb), early_starts_at = ?11, per_member_limit = ?12, total_limit = ?13,
                       updated_at = ?14
                 WHERE id = ?1"""), offer).executeUpdate() == 1;
    }

    public boolean delete(String id) {
        return em.createNativeQuery("DELETE FROM offer WHERE id = ?1").setParameter(1, id).executeUpdate() == 1;
    }

    /** Counts a member's claim unless it has reached {@code limit}; the row lock keeps racing claims within it. */
    public boolean countMemberClaim(String offerId, String memberId, int limit) {
        return !em.createNativeQuery("""
                INSERT INTO offer_claim_count (offer_id, member_id, claims) VALUES (?1, ?2, 1)
                ON CONFLICT (member_id, offer_id) DO UPDATE SET claims = offer_claim_count.claims + 1
                 WHERE offer_claim_count.claims < ?3
                RETURNING claims""")
                .setParameter(1, offerId).setParameter(2, memberId).setParameter(3, limit).getResultList().isEmpty();
    }

    /** Counts a claim against the offer's total unless it is exhausted. */
    public boolean countClaim(String offerId) {
        return em.createNativeQuery("""
                UPDATE offer SET claimed = claimed + 1 WHERE id = ?1 AND (total_limit IS NULL OR claimed < total_limit)""")
                .setParameter(1, offerId).executeUpdate() == 1;
    }

    public int memberClaims(String offerId, String memberId) {
        List<?> rows = em.createNativeQuery("SELECT claims FROM offer_claim_count WHERE member_id = ?1 AND offer_id = ?2")
                .setParameter(1, memberId).setParameter(2, offerId).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    private Query bind(Query query, Offer offer) {
        Offer.EarlyAccess early = offer.earlyAccess();
        return query.setParameter(1, offer.id()).setParameter(2, offer.name()).setParameter(3, offer.description())
                .setParameter(4, offer.discount().type().name()).setParameter(5, offer.discount().value())
                .setParameter(6, json.write(listOrEmpty(offer.eligibility().tiers()))).setParameter(7, json.write(listOrEmpty(offer.eligibility().memberIds())))
                .setParameter(8, offer.startsAt()).setParameter(9, offer.endsAt())
                .setParameter(10, early == null ? null : json.write(early.tiers())).setParameter(11, early == null ? null : early.startsAt())
                .setParameter(12, offer.perMemberLimit()).setParameter(13, offer.totalLimit())
                .setParameter(14, offer.updatedAt());
    }

    @SuppressWarnings("unchecked")
    private List<Offer> rows(Query query) {
        return ((List<Object[]>) query.getResultList()).stream().map(r -> new Offer((String) r[0], (String) r[1], (String) r[2],
                new Discount(Discount.Type.valueOf((String) r[3]), ((Number) r[4]).longValue()),
                new Offer.Eligibility(json.read((String) r[5], STRINGS), json.read((String) r[6], STRINGS)),
                instant(r[7]), instant(r[8]),
                r[9] == null ? null : new Offer.EarlyAccess(json.read((String) r[9], STRINGS), instant(r[10])),
                ((Number) r[11]).intValue(), r[12] == null ? null : ((Number) r[12]).intValue(), ((Number) r[13]).intValue(),
                instant(r[14]), instant(r[15]))).toList();
    }

    private static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
