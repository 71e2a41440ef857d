package io.lojal.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A member of the program. Never leaves the service layer: the wire sees {@link io.lojal.member.dto.MemberView}. */
@Entity
@Table(name = "member")
public class Member {

    @Id
    public String id;

    @Column(name = "external_id")
    public String externalId;

    public String email;

    public String name;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    public MemberStatus status;

    @Column(name = "tier_code")
    public String tierCode;

    @Column(name = "tier_valid_until")
    public Instant tierValidUntil;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> attributes;

    @Column(name = "referred_by")
    public String referredBy;

    @Column(name = "enrolled_at")
    public Instant enrolledAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    public boolean isActive() {
        return status == MemberStatus.ACTIVE;
    }

    /** Erasure: personal data goes, the member row and its anonymous ledger stay. */
    void erase(Instant now) {
        externalId = null;
        email = null;
        name = null;
        birthDate = null;
        attributes = null;
        status = MemberStatus.CLOSED;
        erasedAt = now;
    }
}
