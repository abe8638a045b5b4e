package cn.bqw.village.registry;

import cn.bqw.platform.api.Page;
import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The filters, order and page of a village list, turned into a Panache query. */
public record VillageQuery(
        String county,
        String township,
        VillageCategory category,
        PlanType planType,
        Pilot pilot,
        Belt belt,
        VillageStatus status,
        String nameContains,
        String sort,
        int page,
        int size) {

    public static final int MAX_SIZE = 500;

    /** Client-facing sort keys and the columns they order by; a leading '-' sorts descending. */
    private static final Map<String, String> SORTS = Map.of(
            "code", "code",
            "name", "nameZh",
            "residentPopulation", "residentPopulation",
            "category", "category");

    public VillageQuery {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        Page.requireReachable(page, size);
        if (county != null && !county.matches("\\d{6}0{6}")) {
            throw ProblemException.invalid("county", "must be a county code like 449901000000");
        }
        if (township != null && !township.matches("\\d{9}000")) {
            throw ProblemException.invalid("township", "must be a township code like 449901101000");
        }
        String key = sort == null ? "code" : sort.replaceFirst("^-", "");
        if (!SORTS.containsKey(key)) {
            throw ProblemException.invalid(
                    "sort", "must be one of " + SORTS.keySet() + ", optionally with a leading '-'");
        }
    }

    /** HQL after WHERE, with its named parameters. */
    String where(Map<String, Object> parameters) {
        List<String> clauses = new ArrayList<>();
        if (county != null) {
            DivisionCode.Subtree subtree = DivisionCode.Subtree.of(county.substring(0, 6));
            clauses.add("code >= :countyFirst and code < :countyEnd");
            parameters.put("countyFirst", subtree.first());
            parameters.put("countyEnd", subtree.end());
        }
        if (township != null) {
            clauses.add("townshipCode = :township");
            parameters.put("township", township);
        }
        if (category != null) {
            clauses.add("category = :category");
            parameters.put("category", category);
        }
        if (planType != null) {
            clauses.add("planType = :planType");
            parameters.put("planType", planType);
        }
        if (pilot != null) {
            clauses.add("array_contains(pilots, :pilot)");
            parameters.put("pilot", pilot.name());
        }
        if (belt != null) {
            clauses.add("array_contains(belts, :belt)");
            parameters.put("belt", belt.name());
        }
        if (status != null) {
            clauses.add("status = :status");
            parameters.put("status", status);
        }
        if (nameContains != null && !nameContains.isBlank()) {
            clauses.add("(nameZh like :name escape '\\' or lower(nameEn) like :name escape '\\')");
            parameters.put("name", "%" + Page.likeLiteral(nameContains.toLowerCase()) + "%");
        }
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    String orderBy() {
        String key = sort == null ? "code" : sort;
        boolean descending = key.startsWith("-");
        String column = SORTS.get(key.replaceFirst("^-", ""));
        return column + (descending ? " desc" : "") + (column.equals("code") ? "" : ", code");
    }
}
