package io.lojal.analytics.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast likelihood of a sample equals the sum of the model's per-customer likelihoods. */
class PurchaseSampleTest {

    @Test
    void sumsTheSameLikelihoodAsTheModelCustomerByCustomer() {
        Random random = new Random(42);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            int tDays = 1 + random.nextInt(700);
            int x = random.nextInt(12);
            int txDays = x == 0 ? 0 : random.nextInt(tDays + 1);
            customers.add(new Customer(x, txDays / 7.0, tDays / 7.0, 1 + random.nextInt(3)));
        }
        PurchaseSample sample = new PurchaseSample(customers);
        for (BgNbd model : List.of(new BgNbd(0.243, 4.414, 0.793, 2.426), new BgNbd(2, 0.5, 3, 0.7))) {
            double expected = model.logLikelihood(customers);
            assertEquals(expected, sample.logLikelihood(model), Math.abs(expected) * 1e-12);
        }
    }
}
