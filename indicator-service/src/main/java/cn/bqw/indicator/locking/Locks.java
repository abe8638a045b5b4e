package cn.bqw.indicator.locking;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.period.Period;
import cn.bqw.platform.problem.Problem;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.problem.ProblemType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The period locks in force for one request, checked against each value it writes. */
public final class Locks {

    /** One lock, parsed once. */
    record Closed(long id, Set<String> indicators, Period period, DivisionCode region) {

        boolean covers(String indicator, DivisionCode target, Period targetPeriod) {
            return (indicators.isEmpty() || indicators.contains(indicator))
                    && period.contains(targetPeriod)
                    && region.contains(target);
        }
    }

    private final List<Closed> closed;
    private final boolean bypass;

    Locks(List<Closed> closed, boolean bypass) {
        this.closed = closed;
        this.bypass = bypass;
    }

    /** Throws 409 when a lock covers the value and the caller may not write through it. */
    public void requireOpen(String indicator, String region, Period period) {
        if (bypass || closed.isEmpty()) {
            return;
        }
        Optional<DivisionCode> code = DivisionCode.parse(region);
        if (code.isEmpty()) {
            return;
        }
        closed.stream()
                .filter(lock -> lock.covers(indicator, code.get(), period))
                .findFirst()
                .ifPresent(lock -> {
                    String message = "is locked for " + region + " (lock " + lock.id() + " on " + lock.period() + ")";
                    throw new ProblemException(
                            ProblemType.CONFLICT,
                            "period " + period + " " + message + "; only an admin may write into it",
                            List.of(new Problem.FieldError("period", message)));
                });
    }
}
