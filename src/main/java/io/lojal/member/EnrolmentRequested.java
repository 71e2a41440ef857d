package io.lojal.member;

import io.lojal.member.dto.EnrolMember;

/** Fired before a member is created: an observer refuses the enrolment by throwing a problem (an unknown referral code). */
public record EnrolmentRequested(EnrolMember request) {
}
