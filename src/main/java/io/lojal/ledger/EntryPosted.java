package io.lojal.ledger;

/** A ledger entry was written; observed after commit for the business metrics. */
public record EntryPosted(EntryType type, long points) {
}
