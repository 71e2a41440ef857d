package io.lojal.ledger;

import io.lojal.common.Problems;
import io.lojal.member.Member;
import io.lojal.member.MemberService;
import io.lojal.member.MemberStatus;
import io.lojal.program.ProgramService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** An admin's correction of a member's points; it may take the balance below zero. */
@ApplicationScoped
public class AdjustmentService {

    @Inject
    MemberService members;

    @Inject
    Ledger ledger;

    @Inject
    ProgramService programs;

    @Inject
    Clock clock;

    @Transactional
    public TransactionView adjust(String memberId, AdjustmentRequest request) {
        if (request.points() == 0) {
            throw new Problems.ValidationFailed("points", "must not be 0");
        }
        Member member = members.byId(memberId);
        if (member.status == MemberStatus.CLOSED) {
            throw new Problems.MemberInactive(member.id, member.status.name());
        }
        Instant expiresAt = programs.current().expiresAt(clock.instant());
        return TransactionView.of(ledger.adjust(member.id, request.points(), request.reason(), expiresAt).entry());
    }
}
