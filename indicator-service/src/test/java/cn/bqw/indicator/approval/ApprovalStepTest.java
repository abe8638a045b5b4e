package cn.bqw.indicator.approval;

import static cn.bqw.indicator.approval.ApprovalState.ACCEPTED;
import static cn.bqw.indicator.approval.ApprovalState.APPROVED;
import static cn.bqw.indicator.approval.ApprovalState.OPEN;
import static cn.bqw.indicator.approval.ApprovalState.RETURNED;
import static cn.bqw.indicator.approval.ApprovalState.SUBMITTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.platform.division.DivisionLevel;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every step from every state, at a township and at a county: the legal ones and nothing else. */
class ApprovalStepTest {

    /** The whole workflow by hand: from → step → to; anything not listed is illegal. */
    static final Map<ApprovalState, Map<ApprovalStep, ApprovalState>> COUNTY = Map.of(
            OPEN, Map.of(ApprovalStep.SUBMIT, SUBMITTED),
            SUBMITTED, Map.of(ApprovalStep.APPROVE, APPROVED, ApprovalStep.RETURN, RETURNED),
            APPROVED, Map.of(ApprovalStep.ACCEPT, ACCEPTED, ApprovalStep.RETURN, RETURNED),
            ACCEPTED, Map.of(ApprovalStep.RETURN, RETURNED),
            RETURNED, Map.of(ApprovalStep.SUBMIT, SUBMITTED));

    @Test
    void aCountyGoesThroughEveryStateAndNoOtherWay() {
        check(DivisionLevel.COUNTY, COUNTY);
    }

    /** A township's figures are approved by its county and never accepted: that is the city's, for counties. */
    @Test
    void aTownshipIsNeverAccepted() {
        Map<ApprovalState, Map<ApprovalStep, ApprovalState>> township = new EnumMap<>(ApprovalState.class);
        COUNTY.forEach((from, steps) -> {
            Map<ApprovalStep, ApprovalState> legal = new EnumMap<>(ApprovalStep.class);
            legal.putAll(steps);
            legal.remove(ApprovalStep.ACCEPT);
            township.put(from, legal);
        });
        check(DivisionLevel.TOWNSHIP, township);
    }

    @Test
    void onlyApprovedAndAcceptedFiguresAreLocked() {
        for (ApprovalState state : ApprovalState.values()) {
            assertEquals(state == APPROVED || state == ACCEPTED, state.locks(), state.name());
        }
    }

    private static void check(DivisionLevel level, Map<ApprovalState, Map<ApprovalStep, ApprovalState>> legal) {
        for (ApprovalState from : ApprovalState.values()) {
            for (ApprovalStep step : ApprovalStep.values()) {
                assertEquals(
                        Optional.ofNullable(legal.get(from).get(step)),
                        step.from(from, level),
                        level + ": " + step + " from " + from);
            }
        }
    }
}
