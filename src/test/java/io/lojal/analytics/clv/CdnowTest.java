package io.lojal.analytics.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On the public CDNOW sample (2,357 customers, 39-week calibration; copied from the lifetimes library, see
 * {@code cdnow/README.txt}) our maximum-likelihood fits reproduce the published estimates: BG/NBD from Fader, Hardie
 * and Lee (2005, "Counting your customers the easy way"), Gamma-Gamma from Fader, Hardie and Lee (2005, "RFM and CLV")
 * / Hardie's note 025, the latter in cents since the service works in minor units.
 */
class CdnowTest {

    private static final String DATA = "/cdnow/cdnow_customers_summary_with_transactions.csv";

    private static List<String[]> rows;

    @BeforeAll
    static void load() {
        InputStream in = CdnowTest.class.getResourceAsStream(DATA);
        assertNotNull(in, DATA + " is not on the test classpath");
        rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            assertEquals("ID,x,t_x,T,zbar", reader.readLine());
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(2357, rows.size(), "customers in the CDNOW sample");
    }

    private static void near(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(actual - expected) <= relative * Math.abs(expected), what + ": expected about " + expected + ", got " + actual);
    }

    @Test
    void bgNbdMatchesFaderHardieLee2005() {
        List<Customer> customers = new ArrayList<>();
        for (String[] row : rows) {
            customers.add(new Customer(Integer.parseInt(row[1]), Double.parseDouble(row[2]), Double.parseDouble(row[3]), 1));
        }
        BgNbd fitted = MaximumLikelihood.fitBgNbd(customers);
        near(0.243, fitted.r(), 0.01, "r");
        near(4.414, fitted.alpha(), 0.01, "alpha");
        near(0.793, fitted.a(), 0.01, "a");
        near(2.426, fitted.b(), 0.01, "b");
        assertEquals(-9582.43, fitted.logLikelihood(customers), 0.05, "log-likelihood");
    }

    @Test
    void gammaGammaMatchesFaderHardieLee2005InCents() {
        List<GammaGamma.Spender> spenders = new ArrayList<>();
        double total = 0;
        for (String[] row : rows) {
            int x = Integer.parseInt(row[1]);
            if (x > 0) {
                double cents = Double.parseDouble(row[4]) * 100;
                spenders.add(new GammaGamma.Spender(x, cents, 1));
                total += cents;
            }
        }
        assertEquals(946, spenders.size(), "repeat customers in the CDNOW sample");
        GammaGamma fitted = MaximumLikelihood.fitGammaGamma(spenders, total / spenders.size());
        near(6.25, fitted.p(), 0.01, "p");
        near(3.74, fitted.q(), 0.01, "q");
        near(15.44 * 100, fitted.v(), 0.01, "v (cents)");
    }
}
