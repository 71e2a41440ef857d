package io.lojal.member;

import io.lojal.common.Cursor;
import io.lojal.common.Ids;
import io.lojal.common.Page;
import io.lojal.common.PageRequest;
import io.lojal.common.Problem;
import io.lojal.common.Problems;
import io.lojal.common.SharedReads;
import io.lojal.common.Sql;
import io.lojal.ledger.Balance;
import io.lojal.ledger.Ledger;
import io.lojal.ledger.TransactionView;
import io.lojal.member.dto.EnrolMember;
import io.lojal.member.dto.MemberPatch;
import io.lojal.member.dto.MemberView;
import io.lojal.tier.Tier;
import io.lojal.tier.TierService;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.exception.ConstraintViolationException;

@ApplicationScoped
public class MemberService {

    /** How far ahead a member is warned of expiring points. */
    static final int EXPIRY_WARNING_DAYS = 30;

    /** The most member views one statement reads: twice the calls the service lets in at once by default. */
    private static final int SUBJECTS_PER_READ = 256;

    @Inject
    MemberRepository members;

    @Inject
    Ledger ledger;

    @Inject
    Sql sql;

    @Inject
    TierService tiers;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<EnrolmentRequested> requested;

    @Inject
    Event<MemberEnrolled> enrolled;

    @ConfigProperty(name = "lojal.me.reads-at-once")
    int readsAtOnce;

    private SharedReads<String, MemberView> viewsBySubject;

    @PostConstruct
    void shareReads() {
        viewsBySubject = new SharedReads<>(this::viewsBySubjects, Infrastructure.getDefaultWorkerPool(), readsAtOnce,
                SUBJECTS_PER_READ);
    }

    @Transactional
    public MemberView enrol(EnrolMember request) {
        requested.fire(new EnrolmentRequested(request));
        Member member = new Member();
        member.id = Ids.next("mem");
        member.externalId = request.externalId();
        member.email = request.email();
        member.name = request.name();
        member.birthDate = request.birthDate();
        member.attributes = request.attributes();
        member.status = MemberStatus.ACTIVE;
        member.tierCode = tiers.entry().code();
        member.enrolledAt = clock.instant();
        try {
            members.persist(member);
            em.flush();
        } catch (ConstraintViolationException e) {
            // Two enrolments of one externalId raced; the unique key let one through.
            throw new Problems.MemberExists(request.externalId());
        }
        ledger.open(member.id);
        enrolled.fire(new MemberEnrolled(member, request.referralCode()));
        return view(member);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberView get(String id) {
        return view(byId(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MemberView> list(String externalId, PageRequest page) {
        if (externalId != null) {
            return new Page<>(members.findByExternalId(externalId).map(this::view).stream().toList(), null);
        }
        return Page.of(members.page(page), page, m -> new Cursor(m.enrolledAt, m.id), this::view);
    }

    @Transactional
    public MemberView patch(String id, MemberPatch patch) {
        Member member = byId(id);
        if (member.status == MemberStatus.CLOSED) {
            throw new Problems.MemberInactive(id, "CLOSED");
        }
        if (patch.has("status")) {
            if (patch.status() == null || patch.status() == MemberStatus.CLOSED) {
                throw new Problems.ValidationFailed("status", "must be ACTIVE or SUSPENDED; close a member with DELETE");
            }
            member.status = patch.status();
        }
        if (patch.has("email")) {
            member.email = patch.email();
        }
        if (patch.has("name")) {
            member.name = patch.name();
        }
        if (patch.has("birthDate")) {
            member.birthDate = patch.birthDate();
        }
        if (patch.has("attributes")) {
            member.attributes = patch.attributes();
        }
        return view(member);
    }

    /** Erases personal data, closes the member and forfeits its points; the anonymous ledger stays. Repeating it changes nothing. */
    @Transactional
    public void erase(String id) {
        Member member = members.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(id));
        if (member.erasedAt != null) {
            return;
        }
        member.erase(clock.instant());
        ledger.forfeitAll(member.id);
    }

    /** The member a request names by {@code memberId} or {@code externalId}, read only (not managed). */
    public Member resolve(MemberReference reference) {
        Sql.Trip trip = sql.trip();
        Supplier<Member> member = resolve(trip, reference);
        trip.run();
        return member.get();
    }

    /**
     * As {@link #resolve(MemberReference)}, read in the trip: the supplier gives the member once the trip ran, or
     * throws what is wrong with the reference (both or neither given, no such member).
     */
    public Supplier<Member> resolve(Sql.Trip trip, MemberReference reference) {
        return resolve(reference, byId -> byId
                ? members.read(trip, reference.memberId())
                : members.readByExternalId(trip, reference.externalId()));
    }

    /**
     * As {@link #resolve(Sql.Trip, MemberReference)}, with {@code columns} of the member's balance row {@code b}, read
     * in the same statement: see {@link MemberRepository#readWithBalance}.
     */
    public <T> Supplier<T> resolve(Sql.Trip trip, MemberReference reference, String columns,
                                   MemberRepository.WithMember<T> mapper) {
        return resolve(reference, byId -> members.readWithBalance(trip, byId,
                byId ? reference.memberId() : reference.externalId(), columns, mapper));
    }

    /** {@code read} adds the statement that reads the member by id (given true) or by externalId to the trip. */
    private static <T> Supplier<T> resolve(MemberReference reference, Function<Boolean, Sql.Trip.Rows<T>> read) {
        boolean byId = reference.memberId() != null;
        boolean byExternalId = reference.externalId() != null;
        if (byId == byExternalId) {
            return () -> {
                throw new Problems.ValidationFailed(List.of(
                        new Problem.FieldError("memberId", "give exactly one of memberId and externalId"),
                        new Problem.FieldError("externalId", "give exactly one of memberId and externalId")));
            };
        }
        Sql.Trip.Rows<T> member = read.apply(byId);
        if (byId) {
            return () -> member.first().orElseThrow(() -> notFound(reference.memberId()));
        }
        return () -> member.first().orElseThrow(() -> new Problems.NotFound("No member with externalId '" + reference.externalId() + "'."));
    }

    /** The member a member token speaks for (its {@code sub} is the member's externalId), read only (not managed). */
    public Member bySubject(String subject) {
        return members.readByExternalId(subject).orElseThrow(MemberService::noMemberForSubject);
    }

    /**
     * The view of the member a member token speaks for (every app screen asks for it). Views asked for together are
     * read together, member and points of all of them in one statement, on a worker thread: see {@link SharedReads}.
     */
    public CompletionStage<MemberView> viewBySubject(String subject) {
        return viewsBySubject.read(subject).thenApply(view -> view.orElseThrow(MemberService::noMemberForSubject));
    }

    /**
     * The views of the members the subjects name, by subject; a subject without a member has none. It runs for many
     * calls and in none of them, so with a request context of its own: the tier ladder may load in it.
     */
    @ActivateRequestContext
    Map<String, MemberView> viewsBySubjects(List<String> subjects) {
        Sql.Trip trip = sql.trip();
        Sql.Trip.Rows<MemberStanding> read = ledger.standingWith(trip, ", " + MemberRepository.COLUMNS,
                " JOIN member m ON m.id = b.member_id", "m.external_id = ANY(?1)", subjects.toArray(String[]::new),
                EXPIRY_WARNING_DAYS, (row, standing) -> new MemberStanding(members.member(row, 7), standing));
        trip.run();
        return read.list().stream().collect(Collectors.toMap(found -> found.member().externalId,
                found -> view(found.member(), found.standing())));
    }

    private record MemberStanding(Member member, Ledger.Standing standing) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Member byId(String id) {
        return members.findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TransactionView> transactions(Member member, PageRequest page) {
        return Page.of(ledger.entries(member.id, page), page, e -> new Cursor(e.createdAt, e.id), TransactionView::of);
    }

    public MemberView view(Member member) {
        return view(member, ledger.standing(member.id, EXPIRY_WARNING_DAYS));
    }

    private MemberView view(Member member, Ledger.Standing standing) {
        Balance balance = standing.balance();
        Ledger.Expiring expiring = standing.expiringSoon();
        Tier tier = tiers.byCode(member.tierCode);
        return new MemberView(member.id, member.externalId, member.email, member.name, member.birthDate, member.status,
                new MemberView.TierRef(tier.code(), tier.name()),
                new MemberView.PointsView(balance.available(), balance.pending(), balance.lifetimeEarned(),
                        balance.lifetimeRedeemed(), expiring == null ? null : new MemberView.ExpiringSoon(expiring.points(), expiring.on())),
                member.enrolledAt, member.referredBy, member.attributes);
    }

    private static Problems.NotFound noMemberForSubject() {
        return new Problems.NotFound("No member is enrolled for this token's subject.");
    }

    private static Problems.NotFound notFound(String id) {
        return new Problems.NotFound("No member with id '" + id + "'.");
    }
}
