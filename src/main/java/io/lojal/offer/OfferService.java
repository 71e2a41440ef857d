package io.lojal.offer;

import io.lojal.common.Ids;
import io.lojal.common.Page;
import io.lojal.common.PageRequest;
import io.lojal.common.Cursor;
import io.lojal.common.Problem.FieldError;
import io.lojal.common.Problems;
import io.lojal.member.Member;
import io.lojal.tier.TierLadder;
import io.lojal.tier.TierService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Offers: validated CRUD, which offers a member may claim now, and claims within the limits. */
@ApplicationScoped
public class OfferService {

    @Inject
    OfferRepository offers;

    @Inject
    DiscountCodes codes;

    @Inject
    TierService tiers;

    @Inject
    Clock clock;

    @Transactional
    public Offer create(OfferRequest request) {
        Instant now = clock.instant();
        Offer offer = offer(Ids.next("off"), request, 0, now, now);
        offers.insert(offer);
        return offer;
    }

    @Transactional
    public Offer replace(String id, OfferRequest request) {
        Offer existing = get(id);
        Offer offer = offer(id, request, existing.claimed(), existing.createdAt(), clock.instant());
        offers.update(offer);
        return offer;
    }

    @Transactional
    public void delete(String id) {
        if (!offers.delete(id)) {
            throw notFound(id);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Offer get(String id) {
        return offers.find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Offer> list(PageRequest page) {
        return Page.of(offers.page(page), page, o -> new Cursor(o.createdAt(), o.id()), o -> o);
    }

    /** The offers the member may claim now: eligible, open to it (early access counts), and not used up. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Offer> claimable(Member member) {
        if (!member.isActive()) {
            return List.of();
        }
        Instant now = clock.instant();
        return offers.openAt(now).stream()
                .filter(o -> o.openTo(member.id, member.tierCode, now))
                .filter(o -> o.totalLimit() == null || o.claimed() < o.totalLimit())
                .filter(o -> offers.memberClaims(o.id(), member.id) < o.perMemberLimit())
                .toList();
    }

    /** Claims a single-use code: eligibility first, then the member's and the offer's limits, each a guarded counter. */
    @Transactional
    public DiscountCodeView claim(Member member, String offerId) {
        Offer offer = get(offerId);
        Instant now = clock.instant();
        if (!member.isActive() || !offer.openTo(member.id, member.tierCode, now)) {
            throw new Problems.OfferNotEligible("The member may not claim offer '" + offerId + "' now.");
        }
        if (!offers.countMemberClaim(offer.id(), member.id, offer.perMemberLimit())) {
            throw new Problems.OfferLimitReached("The member has claimed this offer " + offer.perMemberLimit() + " time(s) already.");
        }
        if (!offers.countClaim(offer.id())) {
            throw new Problems.OfferLimitReached("All " + offer.totalLimit() + " codes of this offer are claimed.");
        }
        return codes.issue(offer, member.id, now);
    }

    private Offer offer(String id, OfferRequest r, int claimed, Instant createdAt, Instant updatedAt) {
        check(r);
        OfferRequest.Eligibility eligibility = r.eligibility();
        return new Offer(id, r.name(), r.description(), r.discount(),
                new Offer.Eligibility(eligibility == null || eligibility.tiers() == null ? List.of() : eligibility.tiers(),
                        eligibility == null || eligibility.memberIds() == null ? List.of() : eligibility.memberIds()),
                r.startsAt(), r.endsAt(),
                r.earlyAccess() == null ? null : new Offer.EarlyAccess(r.earlyAccess().tiers(), r.earlyAccess().startsAt()),
                r.perMemberLimit() == null ? 1 : r.perMemberLimit(), r.totalLimit(), claimed, createdAt, updatedAt);
    }

    private void check(OfferRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.discount().type() == Discount.Type.PERCENT && r.discount().value() > 100) {
            errors.add(new FieldError("discount.value", "a PERCENT discount is a whole percent from 1 to 100"));
        }
        if (!r.endsAt().isAfter(r.startsAt())) {
            errors.add(new FieldError("endsAt", "must be after startsAt"));
        }
        TierLadder ladder = tiers.ladder();
        if (r.eligibility() != null && r.eligibility().tiers() != null) {
            r.eligibility().tiers().stream().filter(code -> ladder.byCode(code).isEmpty())
                    .forEach(code -> errors.add(new FieldError("eligibility.tiers", "no tier " + code)));
        }
        if (r.earlyAccess() != null) {
            if (!r.earlyAccess().startsAt().isBefore(r.startsAt())) {
                errors.add(new FieldError("earlyAccess.startsAt", "must be before startsAt"));
            }
            r.earlyAccess().tiers().stream().filter(code -> ladder.byCode(code).isEmpty())
                    .forEach(code -> errors.add(new FieldError("earlyAccess.tiers", "no tier " + code)));
        }
        if (!errors.isEmpty()) {
            throw new Problems.ValidationFailed(errors);
        }
    }

    private static Problems.NotFound notFound(String id) {
        return new Problems.NotFound("No offer with id '" + id + "'.");
    }
}
