package io.lojal.earn;

import io.lojal.common.Problems;
import io.lojal.earn.dto.EarnRequest;
import io.lojal.earn.dto.EarnResult;
import io.lojal.earn.dto.OrderLine;
import io.lojal.earn.dto.QuoteResult;
import io.lojal.earn.rules.BonusTrigger;
import io.lojal.earn.rules.Calculation;
import io.lojal.earn.rules.EarnRule;
import io.lojal.earn.rules.EarnRuleService;
import io.lojal.earn.rules.Order;
import io.lojal.earn.rules.RuleEngine;
import io.lojal.earn.rules.RuleType;
import io.lojal.ledger.EntryType;
import io.lojal.ledger.Ledger;
import io.lojal.ledger.Posted;
import io.lojal.member.Member;
import io.lojal.member.MemberService;
import io.lojal.program.ProgramSettings;
import io.lojal.program.ProgramService;
import io.lojal.tier.Tier;
import io.lojal.tier.TierService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The earn path: member, rules (from memory), points (pure), then one order row, one ledger entry and one
 * balance update — a handful of statements in the caller's transaction.
 */
@ApplicationScoped
public class EarnService {

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
    Ledger ledger;

    @Inject
    Clock clock;

    @Transactional
    public EarnResult earn(EarnRequest request) {
        Priced priced = price(request);
        ProgramSettings program = priced.program();
        Instant occurredAt = priced.order().occurredAt();
        Instant availableAt = occurredAt.plus(Duration.ofDays(program.pendingDays()));
        Instant expiresAt = program.expiryMonths() == null ? null
                : occurredAt.atOffset(ZoneOffset.UTC).plusMonths(program.expiryMonths()).toInstant();
        long points = priced.calculation().points();

        if (!orders.insert(request, priced.member().id, occurredAt, points)) {
            throw new Problems.DuplicateOrder(request.orderId());
        }
        Posted posted = ledger.credit(priced.member().id, EntryType.EARN, points, request.orderId(),
                "Order " + request.orderId(), occurredAt, availableAt, expiresAt);
        EarnResult.Status status = availableAt.isAfter(posted.entry().createdAt) ? EarnResult.Status.PENDING : EarnResult.Status.AVAILABLE;
        return new EarnResult(posted.entry().id, priced.member().id, request.orderId(), points,
                priced.calculation().breakdown(), status, availableAt, posted.balance().view(),
                new EarnResult.TierChange(priced.tier().code(), false));
    }

    @Transactional
    public QuoteResult quote(EarnRequest request) {
        Calculation calculation = price(request).calculation();
        return new QuoteResult(calculation.points(), calculation.breakdown());
    }

    private record Priced(ProgramSettings program, Member member, Tier tier, Order order, Calculation calculation) {
    }

    /** Everything an earn and a quote share: the checks and the computation, with nothing written. */
    private Priced price(EarnRequest request) {
        ProgramSettings program = programs.current();
        checkLines(request);
        Member member = members.resolve(request);
        if (!member.isActive()) {
            throw new Problems.MemberInactive(member.id, member.status.name());
        }
        if (!program.currency().equals(request.currency())) {
            throw new Problems.CurrencyMismatch(request.currency(), program.currency());
        }
        List<EarnRule> ruleSet = rules.current();
        Instant occurredAt = request.occurredAt() == null ? clock.instant() : request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        boolean firstOrder = usesFirstOrderBonus(ruleSet) && !orders.hasAny(member.id);
        Order order = new Order(request.amount(), occurredAt, request.channel(), lines(request), firstOrder);
        Tier tier = tiers.byCode(member.tierCode);
        Calculation calculation = RuleEngine.points(order, ruleSet, tier.name(), tier.earnMultiplier());
        return new Priced(program, member, tier, order, calculation);
    }

    /** Only a FIRST_ORDER bonus needs to know whether the member ordered before: spare the query otherwise. */
    private static boolean usesFirstOrderBonus(List<EarnRule> ruleSet) {
        return ruleSet.stream().anyMatch(r -> r.active() && r.type() == RuleType.BONUS && r.trigger() == BonusTrigger.FIRST_ORDER);
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
