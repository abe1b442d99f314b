package dev.reelforge.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AttributeValueJsonTest {
    @Test
    void item_thenItem_roundTripsEveryAttributeType() {
        Map<String, AttributeValue> item = Map.ofEntries(
                Map.entry("s", AttributeValue.fromS("text")),
                Map.entry("empty", AttributeValue.fromS("")),
                Map.entry("n", AttributeValue.fromN("12.5")),
                Map.entry("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, -1}))),
                Map.entry("bool", AttributeValue.fromBool(true)),
                Map.entry("null", AttributeValue.fromNul(true)),
                Map.entry("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v")))),
                Map.entry("l", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromS("x")))),
                Map.entry("ss", AttributeValue.fromSs(List.of("a", "b"))),
                Map.entry("ns", AttributeValue.fromNs(List.of("1", "2"))),
                Map.entry("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {9})))));

        assertThat(AttributeValueJson.item(AttributeValueJson.item(item))).isEqualTo(item);
    }

    @Test
    void toJson_usesDynamoDbJsonShape() {
        assertThat(AttributeValueJson.toJson(AttributeValue.fromN("7")).toString())
                .isEqualTo("{\"N\":\"7\"}");
    }
}
