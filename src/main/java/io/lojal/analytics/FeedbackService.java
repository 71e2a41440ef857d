package io.lojal.analytics;

import io.lojal.common.Ids;
import io.lojal.common.Problem.FieldError;
import io.lojal.common.Problems;
import io.lojal.member.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@ApplicationScoped
public class FeedbackService {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Schema(name = "FeedbackReceived")
    public record Received(@Schema(example = "fb_6t8v0x2z4b6d8f0h2k4m6p8r") String id, String memberId, FeedbackRequest.Kind kind,
                           Instant receivedAt) {
    }

    @Transactional
    public Received record(Member member, FeedbackRequest request) {
        check(request);
        Received received = new Received(Ids.next("fb"), member.id, request.kind(), clock.instant());
        FeedbackRequest.Answers answers = request.answers();
        em.createNativeQuery("""
                INSERT INTO feedback (id, member_id, kind, score, recommend, repurchase, other_products, category_spend, period_days, received_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setParameter(1, received.id()).setParameter(2, member.id).setParameter(3, request.kind().name())
                .setParameter(4, request.score())
                .setParameter(5, answers == null ? null : answers.recommend())
                .setParameter(6, answers == null ? null : answers.repurchase())
                .setParameter(7, answers == null ? null : answers.otherProducts())
                .setParameter(8, request.categorySpend()).setParameter(9, request.periodDays())
                .setParameter(10, received.receivedAt()).executeUpdate();
        return received;
    }

    /** Each kind carries its own answer, and only that. */
    private static void check(FeedbackRequest r) {
        List<FieldError> errors = new ArrayList<>();
        boolean scored = r.kind() == FeedbackRequest.Kind.NPS || r.kind() == FeedbackRequest.Kind.CSAT;
        expect(errors, "score", r.score(), scored);
        expect(errors, "answers", r.answers(), r.kind() == FeedbackRequest.Kind.CLI);
        expect(errors, "categorySpend", r.categorySpend(), r.kind() == FeedbackRequest.Kind.SOW);
        expect(errors, "periodDays", r.periodDays(), r.kind() == FeedbackRequest.Kind.SOW);
        if (r.kind() == FeedbackRequest.Kind.CSAT && r.score() != null && (r.score() < 1 || r.score() > 5)) {
            errors.add(new FieldError("score", "a CSAT score is 1 to 5"));
        }
        if (!errors.isEmpty()) {
            throw new Problems.ValidationFailed(errors);
        }
    }

    private static void expect(List<FieldError> errors, String field, Object value, boolean needed) {
        if (needed && value == null) {
            errors.add(new FieldError(field, "is required for this kind"));
        } else if (!needed && value != null) {
            errors.add(new FieldError(field, "does not apply to this kind"));
        }
    }
}
