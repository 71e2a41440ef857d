package io.lojal.ledger;

public enum EntryType {
    EARN, BONUS, REFERRAL, REDEEM, REFUND, REVERSAL, ADJUST, EXPIRE, FORFEIT
}
