package cn.bqw.platform.api;

import cn.bqw.platform.problem.ProblemException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list answer, with the total count over all pages. */
@Schema(
        example =
                "{\"items\":[{\"code\":\"449901101201\",\"townshipCode\":\"449901101000\",\"nameZh\":\"青石村\",\"category\":\"DEMONSTRATION\",\"planType\":\"AGGLOMERATION\",\"belts\":[\"URBAN_AGRI_BELT\"],\"pilots\":[\"MAP_AND_CODE\"],\"residentPopulation\":2310,\"status\":\"ACTIVE\",\"activeFrom\":\"2024-01-01\",\"version\":3}],\"total\":1318,\"page\":0,\"size\":50}")
public record Page<T>(List<T> items, long total, int page, int size) {

    /** A page whose first row lies beyond what an offset can address is a client's mistake, not a 500. */
    public static void requireReachable(int page, int size) {
        if ((long) page * size > Integer.MAX_VALUE) {
            throw ProblemException.invalid("page", "page × size must be at most " + Integer.MAX_VALUE);
        }
    }

    /** {@code text} matched literally by a LIKE that names backslash as its ESCAPE: % and _ are not wildcards. */
    public static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
