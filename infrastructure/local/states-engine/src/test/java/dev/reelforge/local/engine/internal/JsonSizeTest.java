package dev.reelforge.local.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The payload quota check's cheap bound never under-counts, so no oversized payload slips through. */
class JsonSizeTest {
    @Test
    void sizeBound_randomDocuments_isNeverBelowTheWrittenSize() {
        Random random = new Random(22);
        for (int i = 0; i < 500; i++) {
            JsonNode node = randomNode(random, 0);
            long exact = Json.write(node).getBytes(StandardCharsets.UTF_8).length;
            assertThat(Json.sizeBound(node, Long.MAX_VALUE))
                    .as(Json.write(node))
                    .isGreaterThanOrEqualTo(exact);
        }
    }

    @Test
    void checkSize_justOverAndUnderTheQuota_refusesOnlyTheOver() {
        ObjectNode under = Json.object().put("s", "a".repeat(Json.MAX_PAYLOAD_BYTES - 8));
        ObjectNode over = Json.object().put("s", "a".repeat(Json.MAX_PAYLOAD_BYTES - 7));

        Json.checkSize(under, "state output");
        assertThatThrownBy(() -> Json.checkSize(over, "state output"))
                .isInstanceOfSatisfying(
                        StatesError.class, e -> assertThat(e.error()).isEqualTo(StatesError.DATA_LIMIT_EXCEEDED))
                .hasMessageContaining("262145 bytes");
    }

    private static JsonNode randomNode(Random random, int depth) {
        int kind = depth > 4 ? 2 + random.nextInt(5) : random.nextInt(7);
        switch (kind) {
            case 0 -> {
                ObjectNode object = Json.object();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(text(random), randomNode(random, depth + 1));
                }
                return object;
            }
            case 1 -> {
                ArrayNode array = Json.MAPPER.createArrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(randomNode(random, depth + 1));
                }
                return array;
            }
            case 2 -> {
                return Json.MAPPER.getNodeFactory().textNode(text(random));
            }
            case 3 -> {
                return Json.MAPPER.getNodeFactory().numberNode(random.nextLong());
            }
            case 4 -> {
                return Json.MAPPER.getNodeFactory().numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40)));
            }
            case 5 -> {
                return Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(random.nextGaussian()).pow(5));
            }
            default -> {
                return random.nextBoolean()
                        ? Json.MAPPER.getNodeFactory().nullNode()
                        : Json.MAPPER.getNodeFactory().booleanNode(random.nextBoolean());
            }
        }
    }

    /** Up to 12 characters, escapes, controls and code points beyond the BMP among them. */
    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        String pool = "aZ\"\\\n\u0001\u00e9\u4e2d";
        for (int i = random.nextInt(12); i > 0; i--) {
            if (random.nextInt(6) == 0) {
                text.appendCodePoint(0x1F600 + random.nextInt(50));
            } else {
                text.append(pool.charAt(random.nextInt(pool.length())));
            }
        }
        return text.toString();
    }
}
