package io.lojal.program;

import io.lojal.common.PageRequest;
import io.lojal.earn.rules.EarnRuleRequest;
import io.lojal.earn.rules.EarnRuleService;
import io.lojal.earn.rules.RuleType;
import io.lojal.member.MemberService;
import io.lojal.member.dto.EnrolMember;
import io.lojal.tier.TierRequest;
import io.lojal.tier.TierService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Gives a fresh dev database a demo program to play with (lojal.seed-demo, on in dev only). */
public class DemoSeed {

    private static final Logger LOG = Logger.getLogger(DemoSeed.class);

    @Inject
    ProgramService programs;

    @Inject
    EarnRuleService rules;

    @Inject
    MemberService members;

    @Inject
    TierService tiers;

    void seed(@Observes StartupEvent event, @ConfigProperty(name = "lojal.seed-demo") boolean seedDemo) {
        if (!seedDemo || !rules.current().isEmpty()) {
            return;
        }
        programs.replace(new ProgramSettings("Demo", "EUR", 0, 12, 12, new BigDecimal("0.3"),
                new ProgramSettings.Redemption(1L, 100L, 1L),
                new ProgramSettings.Referral(500L, 250L, 0L, 10)));
        rules.create(new EarnRuleRequest("Base: 1 point per 1.00", RuleType.SPEND, true, null, null, null, null,
                1L, 100L, null, null, null, null));
        rules.create(new EarnRuleRequest("Electronics: 2 extra points per 1.00", RuleType.SPEND, true, null, null, null, null,
                2L, 100L, Set.of("electronics"), null, null, null));
        if (tiers.ladder().tiers().size() == 1) {
            tiers.create(new TierRequest("SILVER", "Silver", 1, 1_000L, new BigDecimal("1.25"), List.of("Free shipping")));
            tiers.create(new TierRequest("GOLD", "Gold", 2, 5_000L, new BigDecimal("1.5"), List.of("Free shipping", "Early access")));
        }
        if (QuarkusTransaction.requiringNew().call(() -> members.list("demo-ada", PageRequest.of(null, null)).items().isEmpty())) {
            members.enrol(new EnrolMember("demo-ada", "ada@example.com", "Ada Lovelace", LocalDate.of(1990, 12, 10), null, null));
        }
        LOG.info("Seeded the demo program: 2 SPEND rules, tiers SILVER and GOLD, member demo-ada");
    }
}
