package cn.bqw.village.division;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.problem.ProblemException;

/** The statistical code rules a division must keep, beyond being 12 well-placed digits. */
final class DivisionRules {

    /** 街道 001–099, 镇 100–199, 乡 200–399, other township-level units 400–599. */
    static final int LAST_TOWNSHIP_NUMBER = 599;

    private DivisionRules() {}

    static void check(DivisionCode code, DivisionRequest request) {
        switch (code.level()) {
            case PROVINCE, CITY, COUNTY -> {}
            case TOWNSHIP -> {
                int number = Integer.parseInt(code.value().substring(6, 9));
                if (number > LAST_TOWNSHIP_NUMBER) {
                    throw ProblemException.invalid(
                            "code", "township number " + number + " is outside 001–599 of the statistical code rules");
                }
            }
            case VILLAGE -> throw ProblemException.invalid(
                    "code", "a village code is not a division here (villages are registered as villages)");
        }
        if (request.countyClass() != null && code.level() != DivisionLevel.COUNTY) {
            throw ProblemException.invalid("countyClass", "only a county has a county class");
        }
    }
}
