package io.lojal.member;

import io.lojal.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, String> {

    public Optional<Member> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    /** Newest enrolments first, {@code limit + 1} rows so the caller can tell whether more follow. */
    public List<Member> page(PageRequest page) {
        if (page.after() == null) {
            return find("ORDER BY enrolledAt DESC, id DESC").page(0, page.limit() + 1).list();
        }
        return find("(enrolledAt < :at OR (enrolledAt = :at AND id < :id)) ORDER BY enrolledAt DESC, id DESC",
                Parameters.with("at", page.after().at()).and("id", page.after().id()))
                .page(0, page.limit() + 1).list();
    }
}
