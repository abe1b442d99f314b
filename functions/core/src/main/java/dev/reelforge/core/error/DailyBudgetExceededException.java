package dev.reelforge.core.error;

/**
 * The tenant's spend today plus this render would pass the tenant's daily budget. Terminal for this execution: the
 * next day (UTC) starts a fresh budget, or the deployer raises the limit.
 */
public class DailyBudgetExceededException extends ReelforgeException {
    public DailyBudgetExceededException(String message) {
        super(message);
    }
}
