package io.lojal.common;

/** What the work of an idempotent call answers: a {@link Reply}, or one PostgreSQL finishes as it stores it. */
public sealed interface Answer permits Reply, IdempotencyService.Unfinished {
}
