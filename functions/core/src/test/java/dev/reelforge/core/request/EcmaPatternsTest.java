package dev.reelforge.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EcmaPatternsTest {
    private final EcmaPatterns patterns = new EcmaPatterns();

    @Test
    void matches_trailingLineBreak_isNotTheEndOfTheText() {
        assertThat(patterns.getRegularExpression("^[a-z]{2,4}$").matches("acme\n"))
                .isFalse();
        assertThat(patterns.getRegularExpression("^[a-z]{2,4}$").matches("acme"))
                .isTrue();
    }

    @Test
    void javaOf_escapedOrClassDollar_staysALiteral() {
        assertThat(EcmaPatterns.javaOf("^a\\$b[$^]$|^c$")).isEqualTo("^a\\$b[$^]\\z|^c\\z");
    }
}
