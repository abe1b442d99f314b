package dev.reelforge.core.testing;

import dev.reelforge.core.error.DailyBudgetExceededException;
import dev.reelforge.core.port.TenantSpendLedger;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@link TenantSpendLedger} in memory, for workflow tests. Thread-safe. */
public final class InMemoryTenantSpendLedger implements TenantSpendLedger {
    private final Map<String, Double> spent = new HashMap<>();
    private final Set<String> charges = new HashSet<>();

    @Override
    public synchronized double charge(String tenant, LocalDate day, String chargeId, double usd, double dailyLimitUsd) {
        String key = tenant + "#" + day;
        if (charges.contains(key + "#" + chargeId)) {
            return spent(tenant, day);
        }
        if (spent(tenant, day) + usd > dailyLimitUsd + 1e-9) {
            throw new DailyBudgetExceededException(
                    "tenant '" + tenant + "' would pass its $" + dailyLimitUsd + " daily budget");
        }
        charges.add(key + "#" + chargeId);
        return spent.merge(key, usd, Double::sum);
    }

    @Override
    public synchronized double spent(String tenant, LocalDate day) {
        return spent.getOrDefault(tenant + "#" + day, 0.0);
    }
}
