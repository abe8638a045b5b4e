package cn.bqw.report.aggregate;

import cn.bqw.platform.problem.ProblemException;
import java.util.Locale;

/**
 * Which values a figure counts: {@code ALL} as reported (provisional included), or {@code OFFICIAL}
 * only the approved ones, the rest treated as not reported. Assessments and bulletins use the
 * official view.
 */
public enum View {
    ALL,
    OFFICIAL;

    /** The {@code view} query parameter: absent means {@code all}. */
    public static View parse(String text) {
        if (text == null || text.isEmpty()) {
            return ALL;
        }
        return switch (text) {
            case "all" -> ALL;
            case "official" -> OFFICIAL;
            default -> throw ProblemException.invalid("view", "must be all or official");
        };
    }

    /** As the API spells it. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
