package dev.reelforge.core.port;

import java.time.LocalDate;

/**
 * Each tenant's estimated spend per UTC day, charged before a render is submitted so that a tenant's daily budget
 * holds even when many executions run at once (an atomic conditional counter in DynamoDB). Thread-safe.
 */
public interface TenantSpendLedger {
    /**
     * Adds {@code usd} to the tenant's spend on {@code day} if the total stays within {@code dailyLimitUsd}. A
     * second charge with the same {@code chargeId} (a retried Submit) adds nothing and succeeds.
     *
     * @return the tenant's spend on that day after the charge
     * @throws dev.reelforge.core.error.DailyBudgetExceededException when the charge would pass the limit; nothing
     *     is added then
     */
    double charge(String tenant, LocalDate day, String chargeId, double usd, double dailyLimitUsd);

    /** The tenant's spend on {@code day} so far (0 when nothing was charged). */
    double spent(String tenant, LocalDate day);
}
