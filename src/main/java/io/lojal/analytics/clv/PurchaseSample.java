package io.lojal.analytics.clv;

import static org.hipparchus.special.Gamma.logGamma;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Customers' histories laid out for the BG/NBD likelihood, which a fit evaluates hundreds of times on up to a million
 * histories: the terms that depend only on x, only on T or only on tx are computed once per distinct value and
 * evaluation, so each history costs a few multiplications, one exp and one log. Chunks are summed in parallel and
 * added in a fixed order, so the result does not depend on the thread count.
 */
final class PurchaseSample {

    private static final int CHUNK = 16_384;

    private final int[] x;
    private final int[] tIndex;
    private final int[] txIndex;
    private final double[] count;
    private final double[] tValues;
    private final double[] txValues;
    private final boolean[] xPresent;

    PurchaseSample(List<Customer> customers) {
        int n = customers.size();
        x = new int[n];
        count = new double[n];
        double[] t = new double[n];
        double[] tx = new double[n];
        int maxX = 0;
        for (int i = 0; i < n; i++) {
            Customer c = customers.get(i);
            x[i] = c.x();
            t[i] = c.t();
            tx[i] = c.tx();
            count[i] = c.count();
            maxX = Math.max(maxX, c.x());
        }
        xPresent = new boolean[maxX + 1];
        for (int value : x) {
            xPresent[value] = true;
        }
        tValues = distinct(t);
        txValues = distinct(tx);
        tIndex = indexes(t, tValues);
        txIndex = indexes(tx, txValues);
    }

    double logLikelihood(BgNbd m) {
        double r = m.r();
        double alpha = m.alpha();
        double a = m.a();
        double b = m.b();
        // Per x: the Gamma-function terms, and ln(a) − ln(b + x − 1) of the dropout branch.
        double[] gamma = new double[xPresent.length];
        double[] dropout = new double[xPresent.length];
        double common = -logGamma(r) + r * Math.log(alpha) + logGamma(a + b) - logGamma(b);
        for (int k = 0; k < xPresent.length; k++) {
            if (xPresent[k]) {
                gamma[k] = common + logGamma(r + k) + logGamma(b + k) - logGamma(a + b + k);
                dropout[k] = k > 0 ? Math.log(a) - Math.log(b + k - 1) : 0;
            }
        }
        double[] logAlphaT = logs(alpha, tValues);
        double[] logAlphaTx = logs(alpha, txValues);
        int chunks = (x.length + CHUNK - 1) / CHUNK;
        double[] sums = IntStream.range(0, chunks).parallel().mapToDouble(chunk -> {
            double sum = 0;
            for (int i = chunk * CHUNK, end = Math.min(x.length, i + CHUNK); i < end; i++) {
                int xi = x[i];
                double a3 = -(r + xi) * logAlphaT[tIndex[i]];
                double ll;
                if (xi == 0) {
                    ll = a3;
                } else {
                    double a4 = dropout[xi] - (r + xi) * logAlphaTx[txIndex[i]];
                    double max = Math.max(a3, a4);
                    ll = max + Math.log(Math.exp(a3 - max) + Math.exp(a4 - max));
                }
                sum += count[i] * (gamma[xi] + ll);
            }
            return sum;
        }).toArray();
        double total = 0;
        for (double s : sums) {
            total += s;
        }
        return total;
    }

    private static double[] logs(double alpha, double[] values) {
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            logs[i] = Math.log(alpha + values[i]);
        }
        return logs;
    }

    private static double[] distinct(double[] values) {
        return Arrays.stream(values).sorted().distinct().toArray();
    }

    private static int[] indexes(double[] values, double[] distinct) {
        int[] indexes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            indexes[i] = Arrays.binarySearch(distinct, values[i]);
        }
        return indexes;
    }
}
