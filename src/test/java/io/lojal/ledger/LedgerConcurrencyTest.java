package io.lojal.ledger;

import static io.lojal.support.Api.merchant;
import static io.lojal.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.lojal.support.Ledgers;
import io.lojal.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real concurrency against PostgreSQL: no lost update, no overspend, the balance always equals the ledger. */
@QuarkusTest
class LedgerConcurrencyTest {

    @Inject
    DataSource db;

    @BeforeEach
    void program() {
        Fixtures.standardProgram();
    }

    @Test
    void fiftyParallelRedeemsNeverOverspend() throws Exception {
        String member = Api.enrol();
        Api.adjust(member, 1_000).statusCode(201);

        List<Response> responses = Parallel.run(50, () -> merchant().header("Idempotency-Key", Api.key())
                .body(Map.of("memberId", member, "points", 100)).post("/v1/redemptions"));

        long succeeded = responses.stream().filter(r -> r.statusCode() == 201).count();
        long refused = responses.stream().filter(r -> r.statusCode() == 422
                && "https://lojal.dev/problems/insufficient-points".equals(r.jsonPath().getString("type"))).count();
        assertEquals(10, succeeded);
        assertEquals(40, refused);
        assertEquals(0, Api.available(member));
        assertEquals(0, Ledgers.sum(db, member));
    }

    @Test
    void parallelEarnsOnOneMemberLoseNoUpdate() throws Exception {
        String member = Api.enrol();
        List<Response> responses = Parallel.run(30, () -> merchant().header("Idempotency-Key", Api.key())
                .body(Map.of("memberId", member, "orderId", unique("o"), "amount", 1_000, "currency", "EUR")).post("/v1/earn"));
        assertTrue(responses.stream().allMatch(r -> r.statusCode() == 201));
        assertEquals(300, Api.available(member));
        assertEquals(300, Ledgers.sum(db, member));
    }

    @Test
    void afterALongRandomMixTheBalanceEqualsTheSumOfTheLedger() throws Exception {
        String member = Api.enrol();
        Api.earn(member, unique("seed"), 100_000).statusCode(201);
        List<String> orders = Collections.synchronizedList(new ArrayList<>());
        List<String> redemptions = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger thread = new AtomicInteger();

        Parallel.run(4, () -> {
            Random random = new Random(42 + thread.incrementAndGet());
            for (int i = 0; i < 60; i++) {
                switch (random.nextInt(5)) {
                    case 0 -> {
                        String orderId = unique("o");
                        if (Api.earn(member, orderId, 100 + random.nextInt(50_000)).extract().statusCode() == 201) {
                            orders.add(orderId);
                        }
                    }
                    case 1 -> {
                        Response r = merchant().header("Idempotency-Key", Api.key())
                                .body(Map.of("memberId", member, "points", 100 + random.nextInt(400))).post("/v1/redemptions");
                        if (r.statusCode() == 201) {
                            redemptions.add(r.jsonPath().getString("id"));
                        }
                    }
                    case 2 -> {
                        if (!redemptions.isEmpty()) {
                            String id = redemptions.get(random.nextInt(redemptions.size()));
                            merchant().header("Idempotency-Key", Api.key()).post("/v1/redemptions/" + id + "/cancel");
                        }
                    }
                    case 3 -> {
                        if (!orders.isEmpty()) {
                            String orderId = orders.get(random.nextInt(orders.size()));
                            merchant().header("Idempotency-Key", Api.key())
                                    .body(Map.of("orderId", orderId, "amount", 1 + random.nextInt(20_000))).post("/v1/refunds");
                        }
                    }
                    default -> Api.adjust(member, random.nextBoolean() ? 1 + random.nextInt(300) : -1 - random.nextInt(300));
                }
            }
            return null;
        });

        long ledger = Ledgers.sum(db, member);
        assertEquals(ledger, Ledgers.heldInLots(db, member));
        Map<String, Object> points = merchant().get("/v1/members/" + member).then().statusCode(200).extract().path("points");
        assertEquals(ledger, ((Number) points.get("available")).longValue() + ((Number) points.get("pending")).longValue());
        assertEquals(ledger, sumThroughTheApi(member));
    }

    /** Pages through the member's transactions as a client would and adds them up. */
    private static long sumThroughTheApi(String member) {
        long sum = 0;
        String cursor = null;
        do {
            var page = merchant().queryParam("limit", 37).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/v1/members/" + member + "/transactions").then().statusCode(200).extract();
            List<Number> points = page.path("items.points");
            sum += points.stream().mapToLong(Number::longValue).sum();
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return sum;
    }
}
