package cn.bqw.indicator.region;

import cn.bqw.indicator.catalogue.ReportingLevel;
import cn.bqw.platform.problem.Problem;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import cn.bqw.platform.region.RegionRecord;
import cn.bqw.platform.security.RegionAccess;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;

/** What a region must be for a value to be written for it: known, active, at the right level, the caller's. */
@RequestScoped
public class RegionRules {

    @Inject
    RegionAccess access;

    /**
     * Checks {@code region} (null when the replica does not hold {@code code}) for a write;
     * {@code level} is the indicator's reported-at level, or null when any level will do.
     */
    public void requireWritable(String code, RegionRecord region, ReportingLevel level) {
        // Whose it is before what it is: a caller outside learns nothing about the region.
        if (!access.mayWrite(code)) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    RegionAccess.OUTSIDE.formatted(code),
                    List.of(new Problem.FieldError("region", RegionAccess.OUTSIDE.formatted(code))));
        }
        if (region == null) {
            throw ProblemException.invalid("region", code + " is not a known division or village");
        }
        if (!region.active()) {
            throw ProblemException.invalid("region", code + " is retired");
        }
        if (level != null && !region.level().name().equals(level.name())) {
            throw ProblemException.invalid(
                    "region", code + " is a " + region.level() + "; the indicator is reported at " + level);
        }
    }
}
