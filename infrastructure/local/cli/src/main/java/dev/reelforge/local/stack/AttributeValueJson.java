package dev.reelforge.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB items as DynamoDB JSON ({@code {"S": "..."}}, as the AWS CLI prints them), both ways. */
final class AttributeValueJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AttributeValueJson() {}

    static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode node = JSON.objectNode();
        new TreeMap<>(item).forEach((name, value) -> node.set(name, toJson(value)));
        return node;
    }

    static Map<String, AttributeValue> item(JsonNode node) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        node.properties().forEach(e -> item.put(e.getKey(), fromJson(e.getValue())));
        return item;
    }

    static JsonNode toJson(AttributeValue value) {
        ObjectNode node = JSON.objectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", base64(value.b()));
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case M -> node.set("M", item(value.m()));
            case L ->
                node.set(
                        "L",
                        array(value.l().stream().map(AttributeValueJson::toJson).toList()));
            case SS ->
                node.set(
                        "SS",
                        array(value.ss().stream()
                                .map(s -> (JsonNode) JSON.textNode(s))
                                .toList()));
            case NS ->
                node.set(
                        "NS",
                        array(value.ns().stream()
                                .map(s -> (JsonNode) JSON.textNode(s))
                                .toList()));
            case BS ->
                node.set(
                        "BS",
                        array(value.bs().stream()
                                .map(b -> (JsonNode) JSON.textNode(base64(b)))
                                .toList()));
            default -> throw new IllegalArgumentException("Unsupported DynamoDB attribute type: " + value);
        }
        return node;
    }

    static AttributeValue fromJson(JsonNode node) {
        if (node.size() != 1) {
            throw new IllegalArgumentException("A DynamoDB attribute has exactly one type key: " + node);
        }
        String type = node.fieldNames().next();
        JsonNode v = node.get(type);
        return switch (type) {
            case "S" -> AttributeValue.fromS(v.asText());
            case "N" -> AttributeValue.fromN(v.asText());
            case "B" ->
                AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asText())));
            case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "M" -> AttributeValue.fromM(item(v));
            case "L" -> AttributeValue.fromL(map(v, AttributeValueJson::fromJson));
            case "SS" -> AttributeValue.fromSs(map(v, JsonNode::asText));
            case "NS" -> AttributeValue.fromNs(map(v, JsonNode::asText));
            case "BS" ->
                AttributeValue.fromBs(
                        map(v, b -> SdkBytes.fromByteArray(Base64.getDecoder().decode(b.asText()))));
            default -> throw new IllegalArgumentException("Unknown DynamoDB attribute type " + type);
        };
    }

    private static <T> List<T> map(JsonNode array, Function<JsonNode, T> f) {
        List<T> out = new ArrayList<>(array.size());
        array.forEach(e -> out.add(f.apply(e)));
        return out;
    }

    private static ArrayNode array(List<JsonNode> elements) {
        ArrayNode array = JSON.arrayNode();
        array.addAll(elements);
        return array;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
