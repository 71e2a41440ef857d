package io.lojal.ledger;

/** What posting to the ledger produced: the new entry and the member's balance after it. */
public record Posted(LedgerEntry entry, Balance balance) {
}
