package io.lojal.analytics.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

/** The CLV models recover the parameters of histories drawn from them, and their closed forms hold at known points. */
class ClvModelsTest {

    private static void near(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(actual - expected) <= relative * expected, what + ": expected about " + expected + ", got " + actual);
    }

    @Test
    void bgNbdRecoversTheParametersOfSimulatedCustomers() {
        double r = 0.5, alpha = 6, a = 0.8, b = 2.5, weeks = 52;
        RandomDataGenerator random = new RandomDataGenerator(20261125L);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            double lambda = random.nextGamma(r, 1 / alpha);
            double p = random.nextBeta(a, b);
            double time = 0;
            double last = 0;
            int x = 0;
            while (true) {
                if (x > 0 && random.nextUniform(0, 1) < p) {
                    break;
                }
                time += random.nextExponential(1 / lambda);
                if (time > weeks) {
                    break;
                }
                x++;
                last = time;
            }
            customers.add(new Customer(x, last, weeks, 1));
        }
        BgNbd fitted = MaximumLikelihood.fitBgNbd(customers);
        near(r, fitted.r(), 0.2, "r");
        near(alpha, fitted.alpha(), 0.3, "alpha");
        near(a, fitted.a(), 0.35, "a");
        near(b, fitted.b(), 0.35, "b");
    }

    @Test
    void gammaGammaRecoversTheParametersOfSimulatedSpend() {
        double p = 6, q = 4, v = 1500;
        RandomDataGenerator random = new RandomDataGenerator(7L);
        List<GammaGamma.Spender> spenders = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < 5000; i++) {
            double nu = random.nextGamma(q, 1 / v);
            int x = 1 + random.nextInt(0, 5);
            double sum = 0;
            for (int k = 0; k < x; k++) {
                sum += random.nextGamma(p, 1 / nu);
            }
            spenders.add(new GammaGamma.Spender(x, sum / x, 1));
            total += sum / x;
        }
        GammaGamma fitted = MaximumLikelihood.fitGammaGamma(spenders, total / spenders.size());
        near(p, fitted.p(), 0.15, "p");
        near(q, fitted.q(), 0.2, "q");
        near(v, fitted.v(), 0.25, "v");
    }

    @Test
    void closedFormsMatchTheirDefinitions() {
        BgNbd model = new BgNbd(0.243, 4.414, 0.793, 2.426);
        assertEquals(1.0, model.probabilityAlive(0, 0, 38.86), 1e-12);
        // P(alive) = 1 / (1 + a/(b+x−1) · ((α+T)/(α+tx))^(r+x))
        double expected = 1 / (1 + 0.793 / (2.426 + 1) * Math.pow((4.414 + 38.86) / (4.414 + 30.43), 0.243 + 2));
        assertEquals(expected, model.probabilityAlive(2, 30.43, 38.86), 1e-12);
        assertEquals(0.0, model.expectedPurchases(3, 10, 20, 0), 1e-12);
        assertTrue(model.expectedPurchases(2, 30.43, 38.86, 39) > model.expectedPurchases(2, 30.43, 38.86, 10));
        // 2F1(1, 1; 2; z) = −ln(1 − z) / z
        assertEquals(-Math.log(1 - 0.5) / 0.5, Hypergeometric.f21(1, 1, 2, 0.5), 1e-12);
        GammaGamma spend = new GammaGamma(6.25, 3.74, 15.44);
        assertEquals(6.25 * (15.44 + 2 * 20.0) / (6.25 * 2 + 3.74 - 1), spend.expectedSpend(2, 20.0), 1e-12);
    }
}
