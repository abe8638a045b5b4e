package cn.bqw.platform.input;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.period.Period;
import cn.bqw.platform.problem.ProblemException;
import java.util.regex.Pattern;

/**
 * Filters of list and report queries, checked like request fields: a filter that can match nothing
 * because it is not even well-formed ({@code region=abc}, {@code period=2025-13}) is the client's
 * mistake and a 400 naming it, not an empty 200.
 */
public final class Filters {

    private static final Pattern INDICATOR_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    private Filters() {}

    /** {@code value} unless it is present and not a division code. */
    public static String divisionCode(String name, String value) {
        if (value != null && DivisionCode.parse(value).isEmpty()) {
            throw ProblemException.invalid(name, "must be a 12-digit division code like 449901000000");
        }
        return value;
    }

    /** {@code value} unless it is present and not a period. */
    public static String period(String name, String value) {
        if (value != null) {
            requiredPeriod(name, value);
        }
        return value;
    }

    /** The period {@code value} names; a 400 when it is missing or not a period. */
    public static Period requiredPeriod(String name, String value) {
        return Period.parse(value == null ? "" : value)
                .orElseThrow(() -> ProblemException.invalid(name, "must be a period like 2025, 2025Q2 or 2025-06"));
    }

    /** {@code value} unless it is present and not an indicator code. */
    public static String indicatorCode(String name, String value) {
        if (value != null && !INDICATOR_CODE.matcher(value).matches()) {
            throw ProblemException.invalid(name, "must be an indicator code like RURAL_TOILET");
        }
        return value;
    }

    /** {@code value} unless it is present and a year no report can have. */
    public static Integer year(String name, Integer value) {
        if (value != null && (value < 2000 || value > 2100)) {
            throw ProblemException.invalid(name, "must be a year from 2000 to 2100");
        }
        return value;
    }
}
