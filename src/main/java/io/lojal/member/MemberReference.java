package io.lojal.member;

/** A request that names its member by our id or by the webshop's externalId: one of the two. */
public interface MemberReference {

    String memberId();

    String externalId();
}
