package io.lojal.analytics.clv;

/**
 * One customer's order history as the models see it, in weeks: {@code x} repeat purchases (distinct order days − 1),
 * {@code tx} from the first to the last order day, {@code t} from the first order day to the end of the calibration.
 * {@code count}: how many customers share exactly this history (the fit works on grouped histories).
 */
public record Customer(int x, double tx, double t, long count) {
}
