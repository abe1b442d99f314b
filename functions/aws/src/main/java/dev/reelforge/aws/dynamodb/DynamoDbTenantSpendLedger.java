package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.error.DailyBudgetExceededException;
import dev.reelforge.core.port.TenantSpendLedger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The {@link TenantSpendLedger} as one atomic counter per tenant and UTC day on the prompt-cache table: key
 * {@code spend#<tenant>#<yyyy-mm-dd>}, attribute {@code spentMicroUsd} (integer micro-dollars, so sums are exact),
 * {@code chargeIds} (string set of the charges applied), TTL {@code expiresAt} a week after the day. A charge is a
 * single {@code UpdateItem ADD} conditional on the total staying within the limit and on its charge id being new, so
 * concurrent executions cannot overshoot the limit and a retried Submit is not charged twice. Thread-safe.
 */
public final class DynamoDbTenantSpendLedger implements TenantSpendLedger {
    static final String PREFIX = "spend#";
    private static final String SPENT = "spentMicroUsd";
    private static final String CHARGES = "chargeIds";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbTenantSpendLedger(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public double charge(String tenant, LocalDate day, String chargeId, double usd, double dailyLimitUsd) {
        long amount = micros(usd);
        long headroom = micros(dailyLimitUsd) - amount;
        if (headroom < 0) {
            throw exceeded(tenant, day, usd, dailyLimitUsd, spent(tenant, day));
        }
        try {
            var updated = dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(tenant, day))
                    .updateExpression("ADD " + SPENT + " :amount, " + CHARGES + " :charge SET "
                            + TableDefinitions.TTL_ATTRIBUTE + " = :ttl")
                    .conditionExpression("(attribute_not_exists(" + SPENT + ") OR " + SPENT + " <= :headroom)"
                            + " AND NOT contains(" + CHARGES + ", :chargeId)")
                    .expressionAttributeValues(Map.of(
                            ":amount", AttributeValue.fromN(Long.toString(amount)),
                            ":charge", AttributeValue.fromSs(List.of(chargeId)),
                            ":chargeId", AttributeValue.fromS(chargeId),
                            ":headroom", AttributeValue.fromN(Long.toString(headroom)),
                            ":ttl",
                                    AttributeValue.fromN(Long.toString(day.plusDays(8)
                                            .atStartOfDay(ZoneOffset.UTC)
                                            .toEpochSecond()))))
                    .returnValues(ReturnValue.UPDATED_NEW));
            return Long.parseLong(updated.attributes().get(SPENT).n()) / 1e6;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> item = item(tenant, day);
            double spent =
                    item.containsKey(SPENT) ? Long.parseLong(item.get(SPENT).n()) / 1e6 : 0;
            if (item.containsKey(CHARGES) && item.get(CHARGES).ss().contains(chargeId)) {
                return spent;
            }
            throw exceeded(tenant, day, usd, dailyLimitUsd, spent);
        }
    }

    @Override
    public double spent(String tenant, LocalDate day) {
        Map<String, AttributeValue> item = item(tenant, day);
        return item.containsKey(SPENT) ? Long.parseLong(item.get(SPENT).n()) / 1e6 : 0;
    }

    private Map<String, AttributeValue> item(String tenant, LocalDate day) {
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        b -> b.tableName(table).key(key(tenant, day)).consistentRead(true))
                .item();
        return item == null ? Map.of() : item;
    }

    private static DailyBudgetExceededException exceeded(
            String tenant, LocalDate day, double usd, double limit, double spent) {
        return new DailyBudgetExceededException(String.format(
                Locale.ROOT,
                "tenant '%s' has spent $%.2f of its $%.2f daily budget on %s; this render ($%.2f) would pass it. "
                        + "Try again after midnight UTC or ask for a higher daily limit",
                tenant,
                spent,
                limit,
                day,
                usd));
    }

    private static Map<String, AttributeValue> key(String tenant, LocalDate day) {
        return Map.of(DynamoDbPromptCache.CACHE_KEY, AttributeValue.fromS(PREFIX + tenant + "#" + day));
    }

    private static long micros(double usd) {
        return Math.round(usd * 1_000_000);
    }
}
