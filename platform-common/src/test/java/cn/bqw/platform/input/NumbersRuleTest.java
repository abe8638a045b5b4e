package cn.bqw.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.platform.api.Numbers;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersRuleTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "-0",
                "3",
                "-100000",
                "1000000000000000",
                "-1000000000000000",
                "123456789012.123456",
                "0.000001",
                "1E+3",
                "60.000000000",
                "1000000000000000.000000"
            })
    void keepsTheRule(String written) {
        assertEquals(Optional.empty(), Numbers.problem(new BigDecimal(written)), written);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1e400",
                "-1e400",
                "1e30",
                "1000000000000000.1",
                "1000000000000001",
                "1234567890123456789012345678901234567890",
                "1e-400",
                "0.0000001",
                "1.1234567",
                "1e999999999",
                "-1e999999999",
                "1e-999999999",
                "0.00000000000000000000000000000000000000000000000001000"
            })
    void breaksTheRule(String written) {
        assertTrue(Numbers.problem(new BigDecimal(written)).isPresent(), written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e100000000", "1e999999999", "-1e999999999"})
    void hugeExponentsAreRefusedWithoutArithmetic(String written) {
        BigDecimal huge = new BigDecimal(written);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertTrue(Numbers.problem(huge).isPresent());
            // Never expanded to 10^100000000 digits, even if a caller canonicalises before checking.
            assertEquals(huge.stripTrailingZeros(), Numbers.canonical(huge));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"6E+1", "60.000", "60"})
    void canonicalIsOnePlainForm(String written) {
        assertEquals("60", Numbers.canonical(new BigDecimal(written)).toString());
    }
}
