package io.lojal.common;

/** The program, the earn rules or the tiers changed, here or on another instance: cached copies are stale. */
public record ConfigChanged() {
}
