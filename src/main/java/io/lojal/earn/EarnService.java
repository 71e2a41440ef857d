package io.lojal.earn;

import io.lojal.common.Answer;
import io.lojal.common.IdempotencyService;
import io.lojal.common.Problems;
import io.lojal.common.Reply;
import io.lojal.common.Sql;
import io.lojal.earn.dto.EarnRequest;
import io.lojal.earn.dto.EarnResult;
import io.lojal.earn.dto.OrderLine;
import io.lojal.earn.dto.QuoteResult;
import io.lojal.earn.rules.BonusTrigger;
import io.lojal.earn.rules.BreakdownItem;
import io.lojal.earn.rules.Calculation;
import io.lojal.earn.rules.EarnRule;
import io.lojal.earn.rules.EarnRuleService;
import io.lojal.earn.rules.Order;
import io.lojal.earn.rules.RuleEngine;
import io.lojal.earn.rules.RuleType;
import io.lojal.ledger.BalanceView;
import io.lojal.ledger.EntryType;
import io.lojal.ledger.Ledger;
import io.lojal.ledger.LedgerEntry;
import io.lojal.ledger.Posted;
import io.lojal.member.Member;
import io.lojal.member.MemberRepository;
import io.lojal.member.MemberService;
import io.lojal.program.ProgramSettings;
import io.lojal.program.ProgramService;
import io.lojal.tier.Tier;
import io.lojal.tier.TierService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The earn path: member, rules (from memory), points (pure), then the order row and a credit to the ledger
 * (an EARN entry and lot, and a BONUS one when bonuses apply) — a handful of statements in one transaction.
 */
@ApplicationScoped
public class EarnService {

    private static final String OPERATION = "POST /v1/earn";

    @Inject
    MemberService members;

    @Inject
    ProgramService programs;

    @Inject
    EarnRuleService rules;

    @Inject
    TierService tiers;

    @Inject
    EarnedOrderRepository orders;

    @Inject
    BonusAwards awards;

    @Inject
    Ledger ledger;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    @Inject
    Event<OrderEarned> earnedEvent;

    /**
     * Earns for the order, once per Idempotency-Key ({@link IdempotencyService}). Most earns (no bonus, no referral
     * reward, no tier move) need no statement after their writes: their answer is stored and the transaction commits
     * in the same round trip as the writes ({@link IdempotencyService.Unfinished}), two round trips in all.
     */
    public Reply earn(String idempotencyKey, EarnRequest request) {
        try {
            try {
                return once(idempotencyKey, request, true);
            } catch (Sql.DatabaseException e) {
                if (!Sql.ASSERTION_FAILED.equals(e.sqlState())) {
                    throw e;
                }
                // A concurrent earn took the member up to its next tier's threshold after this one read its lifetime
                // points, and PostgreSQL stopped the commit: the earn is done again, with the tier's statements.
                return once(idempotencyKey, request, false);
            }
        } catch (Sql.DatabaseException e) {
            // The order's primary key decides, also between racing calls with different keys.
            throw e.broke("earn_order_pkey") ? new Problems.DuplicateOrder(request.orderId()) : e;
        }
    }

    private Reply once(String idempotencyKey, EarnRequest request, boolean mayFinishInSql) {
        return idempotency.once(idempotencyKey, OPERATION, request,
                trip -> members.resolve(trip, request, "b.lifetime_earned",
                        (row, member) -> new Earner(member, row.getLong(MemberRepository.COLUMN_COUNT + 1))),
                earner -> earn(request, earner, mayFinishInSql));
    }

    /** The member an earn is for, with its lifetime earned points before it (read with the idempotency check). */
    private record Earner(Member member, long lifetimeEarned) {
    }

    /** What the answer's balance is until PostgreSQL puts the balance after the earn in its place. */
    private static final BalanceView BALANCE_PLACEHOLDER = new BalanceView(Long.MIN_VALUE, Long.MIN_VALUE);

    private Answer earn(EarnRequest request, Supplier<Earner> readAhead, boolean mayFinishInSql) {
        Priced priced = price(request, () -> readAhead.get().member());
        Member member = priced.member();
        long ceiling = tiers.ceiling(member.tierCode);
        boolean finishInSql = mayFinishInSql && member.referredBy == null
                && priced.calculation().breakdown().stream().noneMatch(item -> item.kind() == BreakdownItem.Kind.BONUS)
                && readAhead.get().lifetimeEarned() + priced.calculation().points() < ceiling;
        Instant occurredAt = priced.order().occurredAt();
        // A duplicate order rolls back the claims with everything else.
        Calculation calculation = claimOnceOnlyBonuses(priced, request.orderId(), true);
        long bonus = calculation.bonusPoints();
        orders.insert(request, member.id, occurredAt, calculation.points(), calculation.points() - bonus);

        ProgramSettings program = priced.program();
        Instant availableAt = program.availableAt(occurredAt);
        Instant expiresAt = program.expiresAt(occurredAt);
        Sql.Trip trip = sql.trip();
        Ledger.Credit earned = ledger.credit(trip, member.id, EntryType.EARN, calculation.points() - bonus,
                request.orderId(), "Order " + request.orderId(), occurredAt, availableAt, expiresAt);
        if (finishInSql) {
            earnedEvent.fire(new OrderEarned(member.id, request.orderId(), request.amount(), occurredAt, false));
            EarnResult result = result(request, member, calculation, availableAt, earned.entry(), BALANCE_PLACEHOLDER,
                    new TierService.TierMove(member.tierCode, false));
            // PostgreSQL stops the commit if a concurrent earn has taken the member to the ceiling meanwhile.
            return new IdempotencyService.Unfinished(Reply.created(result, null), BALANCE_PLACEHOLDER, trip,
                    ledger.viewAfter(earned.entry(), ceiling));
        }
        trip.run();
        Posted posted = earned.posted().get();
        if (bonus > 0) {
            posted = ledger.credit(member.id, EntryType.BONUS, bonus, request.orderId(), "Bonus for order " + request.orderId()
                    + ": " + bonusNames(calculation), occurredAt, availableAt, expiresAt);
        }
        TierService.TierMove tier = tiers.afterEarn(member.id, member.tierCode, posted.balance().lifetimeEarned());
        earnedEvent.fire(new OrderEarned(member.id, request.orderId(), request.amount(), occurredAt, member.referredBy != null));
        return Reply.created(result(request, member, calculation, availableAt, earned.entry(),
                posted.balance().view(), tier), null);
    }

    private static EarnResult result(EarnRequest request, Member member, Calculation calculation, Instant availableAt,
                                     LedgerEntry earned, BalanceView balance, TierService.TierMove tier) {
        EarnResult.Status status = availableAt.isAfter(earned.createdAt)
                ? EarnResult.Status.PENDING : EarnResult.Status.AVAILABLE;
        return new EarnResult(earned.id, member.id, request.orderId(), calculation.points(), calculation.breakdown(),
                status, availableAt, balance, new EarnResult.TierChange(tier.code(), tier.changed()));
    }

    @Transactional
    public QuoteResult quote(EarnRequest request) {
        Calculation calculation = claimOnceOnlyBonuses(price(request, () -> members.resolve(request)), request.orderId(), false);
        return new QuoteResult(calculation.points(), calculation.breakdown());
    }

    private record Priced(ProgramSettings program, Member member, Tier tier, Order order, Calculation calculation,
                          List<EarnRule> rules) {
    }

    /** Everything an earn and a quote share: the checks and the computation, with nothing written. */
    private Priced price(EarnRequest request, Supplier<Member> readAhead) {
        ProgramSettings program = programs.current();
        checkLines(request);
        Member member = readAhead.get();
        if (!member.isActive()) {
            throw new Problems.MemberInactive(member.id, member.status.name());
        }
        if (!program.currency().equals(request.currency())) {
            throw new Problems.CurrencyMismatch(request.currency(), program.currency());
        }
        List<EarnRule> ruleSet = rules.current();
        Instant occurredAt = request.occurredAt() == null ? clock.instant() : request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        boolean firstOrder = uses(ruleSet, BonusTrigger.FIRST_ORDER) && !orders.hasAnyBefore(member.id, request.orderId());
        boolean birthdayMonth = member.birthDate != null
                && member.birthDate.getMonth() == occurredAt.atOffset(ZoneOffset.UTC).getMonth();
        Order order = new Order(request.amount(), occurredAt, request.channel(), lines(request), firstOrder, birthdayMonth);
        Tier tier = tiers.byCode(member.tierCode);
        Calculation calculation = RuleEngine.points(order, ruleSet, tier.name(), tier.earnMultiplier());
        return new Priced(program, member, tier, order, calculation, ruleSet);
    }

    /**
     * FIRST_ORDER and BIRTHDAY bonuses are paid once (a year): an earn claims them, a quote only looks whether they
     * were paid. A bonus that is already taken leaves the calculation.
     */
    private Calculation claimOnceOnlyBonuses(Priced priced, String orderId, boolean claim) {
        Calculation calculation = priced.calculation();
        for (BreakdownItem item : priced.calculation().breakdown()) {
            if (item.kind() != BreakdownItem.Kind.BONUS) {
                continue;
            }
            BonusTrigger trigger = priced.rules().stream().filter(r -> r.id().equals(item.ruleId()))
                    .map(EarnRule::trigger).findFirst().orElse(BonusTrigger.ORDER);
            String period = switch (trigger) {
                case FIRST_ORDER -> "first";
                case BIRTHDAY -> String.valueOf(priced.order().occurredAt().atOffset(ZoneOffset.UTC).getYear());
                default -> null;
            };
            if (period == null) {
                continue;
            }
            boolean paid = claim
                    ? !awards.claim(priced.member().id, item.ruleId(), period, orderId, clock.instant())
                    : awards.given(priced.member().id, item.ruleId(), period);
            if (paid) {
                calculation = calculation.withoutBonus(item.ruleId());
            }
        }
        return calculation;
    }

    private static String bonusNames(Calculation calculation) {
        return calculation.breakdown().stream().filter(item -> item.kind() == BreakdownItem.Kind.BONUS)
                .map(BreakdownItem::name).collect(Collectors.joining(", "));
    }

    /** Whether an active rule pays a bonus on this trigger: spares the queries needed to decide it otherwise. */
    private static boolean uses(List<EarnRule> ruleSet, BonusTrigger trigger) {
        return ruleSet.stream().anyMatch(r -> r.active() && r.type() == RuleType.BONUS && r.trigger() == trigger);
    }

    private static void checkLines(EarnRequest request) {
        if (request.lines() == null || request.lines().isEmpty()) {
            return;
        }
        long sum = 0;
        try {
            for (OrderLine line : request.lines()) {
                sum = Math.addExact(sum, Math.multiplyExact(line.quantity(), line.unitPrice()));
            }
        } catch (ArithmeticException e) {
            throw new Problems.ValidationFailed("lines", "quantity × unitPrice is too large");
        }
        if (sum != request.amount()) {
            throw new Problems.ValidationFailed("lines", "quantity × unitPrice of the lines add up to " + sum
                    + ", not to amount " + request.amount());
        }
    }

    private static List<Order.Line> lines(EarnRequest request) {
        if (request.lines() == null) {
            return List.of();
        }
        return request.lines().stream()
                .map(l -> new Order.Line(l.sku(), l.category(), l.quantity(), l.unitPrice()))
                .toList();
    }
}
