package cn.bqw.platform.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period as written in the API (DESIGN.md §5): a year {@code 2025}, a quarter {@code
 * 2025Q2} or a month {@code 2025-06}.
 */
public record Period(int year, Length length, int number) implements Comparable<Period> {

    /** The programme's calendar: a day, a month, a year end at midnight in Beijing. */
    public static final ZoneId PROGRAMME_ZONE = ZoneId.of("Asia/Shanghai");

    /** How long a period is; {@code number} counts months or quarters from 1, and is 1 for a year. */
    public enum Length {
        YEAR(12),
        QUARTER(3),
        MONTH(1);

        private final int months;

        Length(int months) {
            this.months = months;
        }

        public int months() {
            return months;
        }
    }

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:Q([1-4])|-(0[1-9]|1[0-2]))?");

    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1900) {
            return Optional.empty();
        }
        if (m.group(2) != null) {
            return Optional.of(new Period(year, Length.QUARTER, Integer.parseInt(m.group(2))));
        }
        if (m.group(3) != null) {
            return Optional.of(new Period(year, Length.MONTH, Integer.parseInt(m.group(3))));
        }
        return Optional.of(new Period(year, Length.YEAR, 1));
    }

    /** The first month of the period, 1–12. */
    public int firstMonth() {
        return (number - 1) * length.months() + 1;
    }

    /** The last month of the period, 1–12. */
    public int lastMonth() {
        return number * length.months();
    }

    public LocalDate start() {
        return LocalDate.of(year, firstMonth(), 1);
    }

    public LocalDate end() {
        return YearMonth.of(year, lastMonth()).atEndOfMonth();
    }

    /** True when {@code other} lies within this period (a year holds its quarters and months). */
    public boolean contains(Period other) {
        return year == other.year && firstMonth() <= other.firstMonth() && other.lastMonth() <= lastMonth();
    }

    /** This period and every quarter and month within it. */
    public List<Period> periodsWithin() {
        List<Period> within = new ArrayList<>();
        for (Length shorter : Length.values()) {
            for (int n = 1; n * shorter.months() <= 12; n++) {
                Period candidate = new Period(year, shorter, n);
                if (contains(candidate)) {
                    within.add(candidate);
                }
            }
        }
        return within;
    }

    /** Orders by start, then longer first. */
    @Override
    public int compareTo(Period other) {
        int byStart = start().compareTo(other.start());
        return byStart != 0 ? byStart : Integer.compare(other.length.months(), length.months());
    }

    @Override
    public String toString() {
        return switch (length) {
            case YEAR -> Integer.toString(year);
            case QUARTER -> year + "Q" + number;
            case MONTH -> year + (number < 10 ? "-0" : "-") + number;
        };
    }
}
