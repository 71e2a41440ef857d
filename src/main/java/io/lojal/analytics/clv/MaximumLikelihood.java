package io.lojal.analytics.clv;

import java.util.function.ToDoubleFunction;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Fits positive parameters by maximum likelihood: Nelder–Mead (Hipparchus) on their logarithms, restarted from its own
 * result until the likelihood stops improving, since one simplex run can stall on a ridge.
 */
final class MaximumLikelihood {

    private MaximumLikelihood() {
    }

    static double[] fit(ToDoubleFunction<double[]> logLikelihood, double[] start) {
        double[] logs = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            logs[i] = Math.log(start[i]);
        }
        ObjectiveFunction objective = new ObjectiveFunction(point -> {
            double ll = logLikelihood.applyAsDouble(exp(point));
            return Double.isFinite(ll) ? ll : -1e300;
        });
        double best = Double.NEGATIVE_INFINITY;
        for (int round = 0; round < 10; round++) {
            PointValuePair result = new SimplexOptimizer(1e-12, 1e-10).optimize(new MaxEval(20_000), objective, GoalType.MAXIMIZE,
                    new InitialGuess(logs), new NelderMeadSimplex(logs.length, 0.5));
            logs = result.getPoint();
            if (result.getValue() - best < 1e-9) {
                break;
            }
            best = result.getValue();
        }
        return exp(logs);
    }

    private static double[] exp(double[] logs) {
        double[] values = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            values[i] = Math.exp(logs[i]);
        }
        return values;
    }

    static BgNbd fitBgNbd(java.util.List<Customer> customers) {
        PurchaseSample sample = new PurchaseSample(customers);
        double[] p = fit(x -> sample.logLikelihood(new BgNbd(x[0], x[1], x[2], x[3])), new double[] {1, 1, 1, 1});
        return new BgNbd(p[0], p[1], p[2], p[3]);
    }

    static GammaGamma fitGammaGamma(java.util.List<GammaGamma.Spender> spenders, double meanSpend) {
        double[] p = fit(x -> new GammaGamma(x[0], x[1], x[2]).logLikelihood(spenders), new double[] {1, 1, Math.max(1, meanSpend)});
        return new GammaGamma(p[0], p[1], p[2]);
    }
}
