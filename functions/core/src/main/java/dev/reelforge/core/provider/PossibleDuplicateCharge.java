package dev.reelforge.core.provider;

import java.util.List;

/**
 * A clip that may have been paid for twice: an ambiguous create could not be reconciled (the protocol has neither an
 * idempotency key nor a listing), so it was created again. Listed on the job record and in report.json, so a
 * deployer can claim the charge back or cancel the orphan.
 *
 * @param providerJobIds every provider job id known for the clip (the lost reply's job may have none)
 */
public record PossibleDuplicateCharge(List<String> providerJobIds, String reason) {
    public PossibleDuplicateCharge {
        providerJobIds = List.copyOf(providerJobIds);
        reason = reason == null ? "" : reason;
    }
}
