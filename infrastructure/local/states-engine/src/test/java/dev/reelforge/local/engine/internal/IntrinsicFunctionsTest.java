package dev.reelforge.local.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntrinsicFunctionsTest {
    private static final String INPUT = """
            {"name":"Foo","inputArray":[1,2,3,4,5,6,7,8,9],"dupes":[1,2,3,3,3,3,3,3,4],
             "json1":{"a":{"a1":1,"a2":2},"b":2},"json2":{"a":{"a3":1,"a4":2},"c":3},
             "escaped":"{\\"k\\":1}","obj":{"k":[1,true]},"csv":"1,2,3,4,5","tricky":"This.is+a,test=string"}""";

    private static JsonNode json(String text) {
        try {
            return Json.read(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode eval(String expression) {
        PathScope scope = new PathScope(
                json(INPUT),
                json("{\"Execution\":{\"Name\":\"exec-1\"}}"),
                new SplittableRandom(1),
                Variables.root(),
                new dev.reelforge.local.engine.VirtualClock());
        return IntrinsicFunctions.evaluate(IntrinsicParser.parse(expression), scope);
    }

    @Test
    void format_specExample_substitutesPathsAndLiterals() {
        assertThat(eval("States.Format('Your name is {}, we are in the year {}', $.name, 2020)")
                        .asText())
                .isEqualTo("Your name is Foo, we are in the year 2020");
    }

    @Test
    void format_escapedBracesAndQuotes_areLiterals() {
        assertThat(eval("States.Format('It\\'s \\{literal\\} {}', $$.Execution.Name)")
                        .asText())
                .isEqualTo("It's {literal} exec-1");
    }

    @Test
    void format_objectArgument_printsAsAwsDoes() {
        assertThat(eval("States.Format('{} {}', $.obj, true)").asText()).isEqualTo("{k=[1, true]} true");
    }

    @Test
    void format_arrayArgument_printsAsJson() {
        assertThat(eval("States.Format('{}', States.Array(1, 'a'))").asText()).isEqualTo("[1,\"a\"]");
    }

    @Test
    void mathAdd_nonIntegers_truncatesEachOperand() {
        assertThat(eval("States.MathAdd(1.9, -2.7)").asInt()).isEqualTo(-1);
    }

    @Test
    void arrayPartition_specExample_chunksByFour() {
        assertThat(eval("States.ArrayPartition($.inputArray, 4)")).isEqualTo(json("[[1,2,3,4],[5,6,7,8],[9]]"));
    }

    @Test
    void arrayFunctions_behaveAsDocumented() {
        assertThat(eval("States.Array('Foo', 2020, $.obj, null)"))
                .isEqualTo(json("[\"Foo\",2020,{\"k\":[1,true]},null]"));
        assertThat(eval("States.ArrayContains($.inputArray, 5)").asBoolean()).isTrue();
        assertThat(eval("States.ArrayContains($.inputArray, 42)").asBoolean()).isFalse();
        assertThat(eval("States.ArrayRange(1, 9, 2)")).isEqualTo(json("[1,3,5,7,9]"));
        assertThat(eval("States.ArrayRange(5, 1, -2)")).isEqualTo(json("[5,3,1]"));
        assertThat(eval("States.ArrayGetItem($.inputArray, 5)").asInt()).isEqualTo(6);
        assertThat(eval("States.ArrayLength($.inputArray)").asInt()).isEqualTo(9);
        assertThat(eval("States.ArrayUnique($.dupes)")).isEqualTo(json("[1,2,3,4]"));
    }

    @Test
    void jsonConversions_roundTrip() {
        assertThat(eval("States.StringToJson($.escaped)")).isEqualTo(json("{\"k\":1}"));
        assertThat(eval("States.JsonToString($.obj)").asText()).isEqualTo("{\"k\":[1,true]}");
        assertThat(eval("States.JsonMerge($.json1, $.json2, false)"))
                .isEqualTo(json("{\"a\":{\"a3\":1,\"a4\":2},\"b\":2,\"c\":3}"));
    }

    @Test
    void encodingAndHashing_matchKnownValues() {
        assertThat(eval("States.Base64Encode('Data to encode')").asText()).isEqualTo("RGF0YSB0byBlbmNvZGU=");
        assertThat(eval("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')").asText()).isEqualTo("Data to encode");
        assertThat(eval("States.Hash('abc', 'MD5')").asText()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(eval("States.Hash('abc', 'SHA-1')").asText()).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(eval("States.Hash('abc', 'SHA-256')").asText())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(eval("States.Hash('abc', 'SHA-384')").asText()).startsWith("cb00753f45a35e8b");
        assertThat(eval("States.Hash('abc', 'SHA-512')").asText()).startsWith("ddaf35a193617aba");
    }

    @Test
    void mathAndStrings_behaveAsDocumented() {
        assertThat(eval("States.MathAdd(111, -1)").asInt()).isEqualTo(110);
        assertThat(eval("States.MathRandom(1, 999, 1234)")).isEqualTo(eval("States.MathRandom(1, 999, 1234)"));
        assertThat(eval("States.MathRandom(1, 10)").asInt()).isBetween(1, 9);
        assertThat(eval("States.StringSplit($.csv, ',')")).isEqualTo(json("[\"1\",\"2\",\"3\",\"4\",\"5\"]"));
        assertThat(eval("States.StringSplit($.tricky, '.+,=')"))
                .isEqualTo(json("[\"This\",\"is\",\"a\",\"test\",\"string\"]"));
        assertThat(eval("States.UUID()").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void nestedCalls_evaluateInnerFirst() {
        assertThat(eval("States.ArrayLength(States.ArrayPartition(States.ArrayRange(1, 10, 1), 3))")
                        .asInt())
                .isEqualTo(4);
        assertThat(eval("States.Format('n={}', States.MathAdd(States.ArrayLength($.inputArray), 1))")
                        .asText())
                .isEqualTo("n=10");
    }

    @Test
    void parser_buildsTreeWithPathsContainingCommasInBrackets() {
        IntrinsicExpr.Call call = IntrinsicParser.parse("States.Array($['a,b'], 'x', -1.5, States.UUID())");

        assertThat(call.arguments()).hasSize(4);
        assertThat(call.arguments().get(0)).isEqualTo(new IntrinsicExpr.PathRef("$['a,b']"));
        assertThat(call.arguments().get(3)).isEqualTo(new IntrinsicExpr.Call("States.UUID", List.of()));
    }

    @Test
    void parser_rejectsMalformedExpressions() {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Format('unterminated"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Array(1 2)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntrinsicParser.parse("Other.Fn()")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void misuse_raisesStatesRuntime() {
        assertThatThrownBy(() -> eval("States.ArrayGetItem($.inputArray, 99)"))
                .isInstanceOfSatisfying(
                        StatesError.class, e -> assertThat(e.error()).isEqualTo("States.Runtime"));
        assertThatThrownBy(() -> eval("States.Format('{} {}', 1)")).isInstanceOf(StatesError.class);
        assertThatThrownBy(() -> eval("States.Hash('abc', 'CRC32')")).isInstanceOf(StatesError.class);
        assertThatThrownBy(() -> eval("States.ArrayLength($.missing)")).isInstanceOf(StatesError.class);
    }
}
