package io.lojal.program;

import io.lojal.common.PageRequest;
import io.lojal.earn.rules.EarnRuleRequest;
import io.lojal.earn.rules.EarnRuleService;
import io.lojal.earn.rules.RuleType;
import io.lojal.member.MemberService;
import io.lojal.member.dto.EnrolMember;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
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
        if (QuarkusTransaction.requiringNew().call(() -> members.list("demo-ada", PageRequest.of(null, null)).items().isEmpty())) {
            members.enrol(new EnrolMember("demo-ada", "ada@example.com", "Ada Lovelace", LocalDate.of(1990, 12, 10), null, null));
        }
        LOG.info("Seeded the demo program: 2 SPEND rules and member demo-ada");
    }
}
