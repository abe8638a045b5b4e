package cn.bqw.platform.division;

/**
 * The levels of the 12-digit division code {@code PPCCDDTTTVVV}, each with the number of leading
 * digits that are its own (the rest are zeros).
 */
public enum DivisionLevel {
    PROVINCE(2),
    CITY(4),
    COUNTY(6),
    TOWNSHIP(9),
    VILLAGE(12);

    private final int significantDigits;

    DivisionLevel(int significantDigits) {
        this.significantDigits = significantDigits;
    }

    public int significantDigits() {
        return significantDigits;
    }

    /** The level one up, or null for a province. */
    public DivisionLevel parent() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }
}
