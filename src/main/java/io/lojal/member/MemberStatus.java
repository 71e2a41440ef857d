package io.lojal.member;

public enum MemberStatus {
    ACTIVE, SUSPENDED, CLOSED
}
