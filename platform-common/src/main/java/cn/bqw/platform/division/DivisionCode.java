package cn.bqw.platform.division;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A 12-digit administrative division code ({@code PPCCDDTTTVVV}). The level is implied by where the
 * trailing zeros start; a lower division's code starts with its ancestors' significant digits.
 */
public record DivisionCode(String value, DivisionLevel level) {

    // Parsed for every stored value a post judges against (hundreds per post): no regex, no
    // values() copy per call.
    private static final DivisionLevel[] LEVELS = DivisionLevel.values();

    /** Parses a code, or empty when it is not 12 digits or has no meaningful prefix. */
    public static Optional<DivisionCode> parse(String value) {
        if (!twelveDigits(value)) {
            return Optional.empty();
        }
        DivisionLevel level = null;
        for (DivisionLevel candidate : LEVELS) {
            if (isZeros(value, candidate.significantDigits())) {
                level = candidate;
                break;
            }
        }
        if (level == null || !hasNonZeroOwnPart(value, level)) {
            return Optional.empty();
        }
        return Optional.of(new DivisionCode(value, level));
    }

    /** The digits that identify this division; every descendant's code starts with them. */
    public String prefix() {
        return value.substring(0, level.significantDigits());
    }

    /** This division's code and the codes of every division below it. */
    public Subtree subtree() {
        return Subtree.of(prefix());
    }

    /**
     * The codes that start with a prefix, as the half-open range {@code [first, end)}: in SQL
     * {@code code >= first AND code < end}, a range on the primary key, which {@code LIKE 'prefix%'}
     * cannot use under the database's collation. Codes are digits of one length, which every
     * collation orders as numbers.
     */
    public record Subtree(String first, String end) {

        /** {@code "4499"} → {@code [449900000000, 450000000000)}. */
        public static Subtree of(String prefix) {
            String first = prefix + "0".repeat(12 - prefix.length());
            if (prefix.chars().allMatch(c -> c == '9')) {
                // Past every twelve-digit code: thirteen nines.
                return new Subtree(first, "9".repeat(13));
            }
            String next = new java.math.BigInteger(prefix)
                    .add(java.math.BigInteger.ONE)
                    .toString();
            String padded = "0".repeat(prefix.length() - next.length()) + next;
            return new Subtree(first, padded + "0".repeat(12 - padded.length()));
        }

        public boolean contains(String code) {
            return code.compareTo(first) >= 0 && code.compareTo(end) < 0;
        }
    }

    /**
     * A code and the codes of every division above it, up to its province (whether registered or
     * not); a code that is not a division's stands alone.
     */
    public static List<String> lineage(String code) {
        List<String> all = new ArrayList<>(List.of(code));
        for (Optional<DivisionCode> up = parse(code).flatMap(DivisionCode::parent);
                up.isPresent();
                up = up.get().parent()) {
            all.add(up.get().value());
        }
        return all;
    }

    /** The codes of the divisions above {@code code}, up to its province. */
    public static List<String> ancestors(String code) {
        List<String> up = lineage(code);
        return up.subList(1, up.size());
    }

    /** True when {@code other} is this division or lies below it. */
    public boolean contains(DivisionCode other) {
        return other.level.ordinal() >= level.ordinal() && other.value.startsWith(prefix());
    }

    /** The code of the division one level up, or empty for a province. */
    public Optional<DivisionCode> parent() {
        DivisionLevel up = level.parent();
        if (up == null) {
            return Optional.empty();
        }
        return Optional.of(new DivisionCode(at(up), up));
    }

    /** The code of the division at level {@code up} that this one lies in (itself at its own level). */
    public String at(DivisionLevel up) {
        if (up.ordinal() > level.ordinal()) {
            throw new IllegalArgumentException(value + " lies above the " + up + " level");
        }
        return value.substring(0, up.significantDigits()) + "0".repeat(12 - up.significantDigits());
    }

    private static boolean twelveDigits(String value) {
        if (value == null || value.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isZeros(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            if (value.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /** The digits a level adds to its parent's must not all be zero ("440100" is a city, not a county). */
    private static boolean hasNonZeroOwnPart(String value, DivisionLevel level) {
        int from = level.parent() == null ? 0 : level.parent().significantDigits();
        return !isZeros(value.substring(0, level.significantDigits()), from);
    }

    @Override
    public String toString() {
        return value;
    }
}
