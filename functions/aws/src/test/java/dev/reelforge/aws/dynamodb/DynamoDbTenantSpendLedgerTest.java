package dev.reelforge.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.aws.testing.MotoExtension;
import dev.reelforge.core.error.DailyBudgetExceededException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link DynamoDbTenantSpendLedger} against a real moto server: an atomic, conditional daily counter. */
@ExtendWith(MotoExtension.class)
class DynamoDbTenantSpendLedgerTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    private DynamoDbTenantSpendLedger ledger;

    @BeforeEach
    void createTable(DynamoDbClient dynamoDb) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TableNames names = new TableNames("jobs-" + suffix, "cache-" + suffix);
        TableDefinitions.createIfMissing(dynamoDb, names);
        ledger = new DynamoDbTenantSpendLedger(dynamoDb, names.promptCache());
    }

    @Test
    void charge_withinLimit_addsUpExactly() {
        ledger.charge("acme", DAY, "job-1/1", 7.5, 20);
        assertThat(ledger.charge("acme", DAY, "job-2/1", 7.5, 20)).isEqualTo(15.0);

        assertThat(ledger.spent("acme", DAY)).isEqualTo(15.0);
        assertThat(ledger.spent("acme", DAY.plusDays(1))).isZero();
        assertThat(ledger.spent("globex", DAY)).isZero();
    }

    @Test
    void charge_overLimit_refusesWithClearMessageAndAddsNothing() {
        ledger.charge("acme", DAY, "job-1/1", 15, 20);

        assertThatThrownBy(() -> ledger.charge("acme", DAY, "job-2/1", 7.5, 20))
                .isInstanceOf(DailyBudgetExceededException.class)
                .hasMessageContaining("tenant 'acme' has spent $15.00 of its $20.00 daily budget on 2026-11-24")
                .hasMessageContaining("after midnight UTC");
        assertThat(ledger.spent("acme", DAY)).isEqualTo(15.0);
    }

    @Test
    void charge_sameChargeIdAgain_isNotChargedTwice() {
        ledger.charge("acme", DAY, "job-1/1", 7.5, 10);

        assertThat(ledger.charge("acme", DAY, "job-1/1", 7.5, 10)).isEqualTo(7.5);
        assertThat(ledger.spent("acme", DAY)).isEqualTo(7.5);
    }

    @Test
    void charge_concurrentChargesNeverOvershoot() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            results.add(pool.submit(() -> {
                go.await();
                try {
                    ledger.charge("acme", DAY, "job-" + UUID.randomUUID() + "/1", 3, 10);
                    return true;
                } catch (DailyBudgetExceededException e) {
                    return false;
                }
            }));
        }
        go.countDown();
        int accepted = 0;
        for (Future<Boolean> result : results) {
            accepted += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(accepted).isEqualTo(3);
        assertThat(ledger.spent("acme", DAY)).isEqualTo(9.0);
    }
}
