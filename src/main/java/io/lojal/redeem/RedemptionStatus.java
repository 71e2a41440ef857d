package io.lojal.redeem;

public enum RedemptionStatus {
    COMPLETED, CANCELLED
}
