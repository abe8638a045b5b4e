package cn.bqw.report.aggregate;

import cn.bqw.platform.api.Numbers;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** One aggregate row in both views: every value as reported, and only the approved ones. */
public record Aggregate(Contribution all, Contribution official) {

    public static final Aggregate NONE = new Aggregate(Contribution.NONE, Contribution.NONE);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Contribution in(View view) {
        return view == View.OFFICIAL ? official : all;
    }

    /**
     * The share (0–100) of the reporting regions whose values behind the figure are all approved at
     * the level that matters; null when no region reports.
     */
    public BigDecimal approvedShare() {
        if (all.reporters() == 0) {
            return null;
        }
        return Numbers.reported(HUNDRED.multiply(BigDecimal.valueOf(all.approved()))
                .divide(BigDecimal.valueOf(all.reporters()), new MathContext(16, RoundingMode.HALF_EVEN)));
    }

    /** Whether the figure counts a value that is not approved yet. */
    public boolean provisional() {
        return all.approved() < all.reporters();
    }

    public Aggregate plus(Aggregate other) {
        return new Aggregate(all.plus(other.all), official.plus(other.official));
    }

    static Aggregate of(View view, Contribution sums) {
        return view == View.OFFICIAL ? new Aggregate(Contribution.NONE, sums) : new Aggregate(sums, Contribution.NONE);
    }
}
