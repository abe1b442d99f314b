package dev.reelforge.core.cost;

import dev.reelforge.core.port.TenantSpendLedger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A per-tenant cap on estimated spend per UTC day, charged once per submitted round before the provider is asked
 * for anything. {@link #unlimited()} charges nothing (local runs, deployments without a cap).
 *
 * <pre>{@code
 * DailyBudget budget = DailyBudget.of(new DynamoDbTenantSpendLedger(dynamoDb, table), 200.0);
 * budget.charge("acme", "job-1/attempt-2", 9.0, clock.instant());   // throws DailyBudgetExceededException past $200
 * }</pre>
 */
public final class DailyBudget {
    private final TenantSpendLedger ledger;
    private final double limitUsd;

    private DailyBudget(TenantSpendLedger ledger, double limitUsd) {
        this.ledger = ledger;
        this.limitUsd = limitUsd;
    }

    public static DailyBudget of(TenantSpendLedger ledger, double limitUsd) {
        if (!(limitUsd >= 0)) {
            throw new IllegalArgumentException("a daily budget must be zero or more dollars, not " + limitUsd);
        }
        return new DailyBudget(ledger, limitUsd);
    }

    public static DailyBudget unlimited() {
        return new DailyBudget(null, Double.POSITIVE_INFINITY);
    }

    /**
     * @throws dev.reelforge.core.error.DailyBudgetExceededException when today's spend plus {@code usd} passes the cap
     */
    public void charge(String tenant, String chargeId, double usd, Instant now) {
        if (ledger == null || usd <= 0) {
            return;
        }
        ledger.charge(tenant, LocalDate.ofInstant(now, ZoneOffset.UTC), chargeId, usd, limitUsd);
    }
}
