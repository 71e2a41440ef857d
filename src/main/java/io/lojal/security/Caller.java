package io.lojal.security;

import io.lojal.common.Problems;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the verified token's subject. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    /** The token's {@code sub}: the scope of idempotency keys, the source of referral codes, a member's externalId. */
    public String subject() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new Problems.Unauthorized("The token has no subject (sub).");
        }
        return subject;
    }
}
