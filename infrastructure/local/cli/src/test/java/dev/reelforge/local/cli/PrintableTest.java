package dev.reelforge.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void of_controlsBidiAndZeroWidth_areWrittenAsEscapes() {
        assertThat(Printable.of("\u001b[2J\u001b]0;owned\u0007")).isEqualTo("\\u001b[2J\\u001b]0;owned\\u0007");
        assertThat(Printable.of("acme\u202egpj.exe")).isEqualTo("acme\\u202egpj.exe");
        assertThat(Printable.of("id\u200dx\nnext")).isEqualTo("id\\u200dx\\u000anext");
    }

    @Test
    void of_visibleUnicode_isKept() {
        assertThat(Printable.of("ﾃｽﾄ ａｃｍｅ 😀 é")).isEqualTo("ﾃｽﾄ ａｃｍｅ 😀 é");
    }

    @Test
    void of_loneSurrogate_isEscapedAndAPairIsKept() {
        assertThat(Printable.of("\ud800x\udfff")).isEqualTo("\\ud800x\\udfff");
        assertThat(Printable.of("\ud83d\ude00")).isEqualTo("😀");
    }
}
