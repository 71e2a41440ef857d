package io.lojal.earn;

import io.lojal.earn.rules.BonusTrigger;
import io.lojal.earn.rules.EarnRule;
import io.lojal.earn.rules.EarnRuleService;
import io.lojal.earn.rules.RuleType;
import io.lojal.ledger.EntryType;
import io.lojal.ledger.Ledger;
import io.lojal.member.MemberEnrolled;
import io.lojal.program.ProgramSettings;
import io.lojal.program.ProgramService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;

/** Pays the active SIGNUP bonuses to a member at its enrolment, available at once. */
@ApplicationScoped
public class SignupBonus {

    @Inject
    EarnRuleService rules;

    @Inject
    ProgramService programs;

    @Inject
    Ledger ledger;

    void onEnrolment(@Observes MemberEnrolled enrolled) {
        ProgramSettings program = programs.current();
        for (EarnRule rule : rules.current()) {
            if (rule.type() == RuleType.BONUS && rule.trigger() == BonusTrigger.SIGNUP && rule.activeAt(enrolled.member().enrolledAt)) {
                Instant at = enrolled.member().enrolledAt;
                ledger.credit(enrolled.member().id, EntryType.BONUS, rule.points(), null, "Welcome bonus: " + rule.name(),
                        at, at, program.expiresAt(at));
            }
        }
    }
}
