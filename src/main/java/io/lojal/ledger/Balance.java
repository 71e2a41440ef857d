package io.lojal.ledger;

/** A member's running totals; {@code available + pending} always equals the sum of the member's ledger entries. */
public record Balance(long available, long pending, long lifetimeEarned, long lifetimeRedeemed) {

    public BalanceView view() {
        return new BalanceView(available, pending);
    }
}
