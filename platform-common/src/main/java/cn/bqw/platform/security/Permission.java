package cn.bqw.platform.security;

import static cn.bqw.platform.security.Permission.Region.BELOW;
import static cn.bqw.platform.security.Permission.Region.CHILD;
import static cn.bqw.platform.security.Permission.Region.NONE;
import static cn.bqw.platform.security.Permission.Region.WITHIN;
import static cn.bqw.platform.security.Permission.Service.ALL;
import static cn.bqw.platform.security.Permission.Service.INDICATOR;
import static cn.bqw.platform.security.Permission.Service.REPORT;
import static cn.bqw.platform.security.Permission.Service.TASK;
import static cn.bqw.platform.security.Permission.Service.VILLAGE;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may do what: every operation of every service, the roles allowed to call it and the rule its
 * region must pass. Resources name their row with {@link Requires}; {@link PermissionFilter} checks
 * roles and path regions against it, services check regions named in bodies with {@link
 * RegionAccess}; the OpenAPI documents and the README are generated from these rows, and each
 * service's permission matrix test calls every operation with every kind of token against them.
 * Single and bulk endpoints of the same thing share a rule.
 */
public enum Permission {
    CALLER(ALL, "GET", "/api/v1/me", Roles.READERS, NONE, null),
    AUDIT_READ(ALL, "GET", "/api/v1/audit", Set.of(Roles.ADMIN), NONE, null),

    DIVISION_REGISTER(VILLAGE, "POST", "/api/v1/divisions", Roles.EDITORS, BELOW, "body: code"),
    DIVISION_UPDATE(VILLAGE, "PUT", "/api/v1/divisions/{code}", Roles.EDITORS, BELOW, "code"),
    DIVISION_DELETE(VILLAGE, "DELETE", "/api/v1/divisions/{code}", Roles.EDITORS, BELOW, "code"),
    DIVISION_IMPORT(VILLAGE, "POST", "/api/v1/divisions:import", Roles.EDITORS, BELOW, "rows: code"),
    DIVISION_LIST(VILLAGE, "GET", "/api/v1/divisions", Roles.READERS, NONE, null),
    DIVISION_READ(VILLAGE, "GET", "/api/v1/divisions/{code}", Roles.READERS, NONE, null),
    DIVISION_ANCESTORS(VILLAGE, "GET", "/api/v1/divisions/{code}/ancestors", Roles.READERS, NONE, null),
    DIVISION_SUMMARY(VILLAGE, "GET", "/api/v1/divisions/{code}/summary", Roles.READERS, NONE, null),
    DIVISION_HISTORY(VILLAGE, "GET", "/api/v1/divisions/{code}/history", Roles.READERS, NONE, null),
    VILLAGE_PUT(VILLAGE, "PUT", "/api/v1/villages/{code}", Roles.WRITERS, WITHIN, "code"),
    VILLAGE_RETIRE(VILLAGE, "POST", "/api/v1/villages/{code}/retirement", Roles.WRITERS, WITHIN, "code"),
    VILLAGE_IMPORT(VILLAGE, "POST", "/api/v1/villages:import", Roles.WRITERS, WITHIN, "rows: code"),
    VILLAGE_LIST(VILLAGE, "GET", "/api/v1/villages", Roles.READERS, NONE, null),
    VILLAGE_READ(VILLAGE, "GET", "/api/v1/villages/{code}", Roles.READERS, NONE, null),
    VILLAGE_HISTORY(VILLAGE, "GET", "/api/v1/villages/{code}/history", Roles.READERS, NONE, null),
    REPUBLISH(VILLAGE, "POST", "/api/v1/admin/republish", Set.of(Roles.ADMIN), NONE, null),

    INDICATOR_PUT(INDICATOR, "PUT", "/api/v1/indicators/{code}", Set.of(Roles.ADMIN), NONE, null),
    INDICATOR_IMPORT(INDICATOR, "POST", "/api/v1/indicators:import", Set.of(Roles.ADMIN), NONE, null),
    INDICATOR_LIST(INDICATOR, "GET", "/api/v1/indicators", Roles.READERS, NONE, null),
    INDICATOR_READ(INDICATOR, "GET", "/api/v1/indicators/{code}", Roles.READERS, NONE, null),
    LOCK_CREATE(INDICATOR, "POST", "/api/v1/locks", Set.of(Roles.ADMIN), NONE, null),
    LOCK_DELETE(INDICATOR, "DELETE", "/api/v1/locks/{id}", Set.of(Roles.ADMIN), NONE, null),
    LOCK_LIST(INDICATOR, "GET", "/api/v1/locks", Roles.READERS, NONE, null),
    OBSERVATION_RECORD(INDICATOR, "POST", "/api/v1/observations", Roles.WRITERS, WITHIN, "body: region"),
    OBSERVATION_BATCH(INDICATOR, "POST", "/api/v1/observations:batch", Roles.WRITERS, WITHIN, "rows: region"),
    OBSERVATION_LIST(INDICATOR, "GET", "/api/v1/observations", Roles.READERS, NONE, null),
    OBSERVATION_HISTORY(INDICATOR, "GET", "/api/v1/observations/history", Roles.READERS, NONE, null),
    TARGET_PUT(INDICATOR, "PUT", "/api/v1/targets/{indicator}/{region}/{year}", Roles.WRITERS, WITHIN, "region"),
    TARGET_BATCH(INDICATOR, "POST", "/api/v1/targets:batch", Roles.WRITERS, WITHIN, "rows: region"),
    TARGET_READ(INDICATOR, "GET", "/api/v1/targets/{indicator}/{region}/{year}", Roles.READERS, NONE, null),
    TARGET_LIST(INDICATOR, "GET", "/api/v1/targets", Roles.READERS, NONE, null),
    TARGET_ALLOCATION(INDICATOR, "GET", "/api/v1/targets/allocation", Roles.READERS, NONE, null),

    APPROVAL_SUBMIT(
            INDICATOR,
            "POST",
            "/api/v1/approvals/{region}/{period}/{campaign}/submit",
            Roles.EDITORS,
            WITHIN,
            "region"),
    APPROVAL_APPROVE(
            INDICATOR,
            "POST",
            "/api/v1/approvals/{region}/{period}/{campaign}/approve",
            Roles.APPROVERS,
            CHILD,
            "region"),
    APPROVAL_ACCEPT(
            INDICATOR,
            "POST",
            "/api/v1/approvals/{region}/{period}/{campaign}/accept",
            Roles.APPROVERS,
            CHILD,
            "region"),
    APPROVAL_RETURN(
            INDICATOR,
            "POST",
            "/api/v1/approvals/{region}/{period}/{campaign}/return",
            Roles.APPROVERS,
            CHILD,
            "region"),
    APPROVAL_SUBMIT_BATCH(INDICATOR, "POST", "/api/v1/approvals:submit", Roles.EDITORS, WITHIN, "rows: region"),
    APPROVAL_APPROVE_BATCH(INDICATOR, "POST", "/api/v1/approvals:approve", Roles.APPROVERS, CHILD, "rows: region"),
    APPROVAL_ACCEPT_BATCH(INDICATOR, "POST", "/api/v1/approvals:accept", Roles.APPROVERS, CHILD, "rows: region"),
    APPROVAL_RETURN_BATCH(INDICATOR, "POST", "/api/v1/approvals:return", Roles.APPROVERS, CHILD, "rows: region"),
    APPROVAL_LIST(INDICATOR, "GET", "/api/v1/approvals", Roles.READERS, NONE, null),
    APPROVAL_READ(INDICATOR, "GET", "/api/v1/approvals/{region}/{period}/{campaign}", Roles.READERS, NONE, null),

    REPORT_OVERVIEW(REPORT, "GET", "/api/v1/reports/overview", Roles.READERS, NONE, null),
    DASHBOARD_SETTINGS(REPORT, "GET", "/api/v1/dashboard/settings", Roles.READERS, NONE, null),
    REPORT_REGION(REPORT, "GET", "/api/v1/reports/regions/{code}", Roles.READERS, NONE, null),
    REPORT_INDICATOR(REPORT, "GET", "/api/v1/reports/indicators/{code}", Roles.READERS, NONE, null),
    REPORT_RANKINGS(REPORT, "GET", "/api/v1/reports/rankings", Roles.READERS, NONE, null),
    REPORT_GAPS(REPORT, "GET", "/api/v1/reports/gaps", Roles.READERS, NONE, null),
    REPORT_STREAM(REPORT, "GET", "/api/v1/reports/stream", Roles.READERS, NONE, null),
    REPORT_COVERAGE(REPORT, "GET", "/api/v1/reports/coverage", Roles.READERS, NONE, null),
    REPORT_VILLAGES(REPORT, "GET", "/api/v1/reports/villages", Roles.READERS, NONE, null),
    REPORT_APPROVALS(REPORT, "GET", "/api/v1/reports/approvals", Roles.READERS, NONE, null),
    REPORT_TASKS(REPORT, "GET", "/api/v1/reports/tasks", Roles.READERS, NONE, null),
    BULLETIN_PUBLISH(REPORT, "POST", "/api/v1/bulletins", Roles.APPROVERS, WITHIN, "body: region"),
    BULLETIN_LIST(REPORT, "GET", "/api/v1/bulletins", Roles.READERS, NONE, null),
    BULLETIN_READ(REPORT, "GET", "/api/v1/bulletins/{id}", Roles.READERS, NONE, null),
    BULLETIN_CONTENT(REPORT, "GET", "/api/v1/bulletins/{id}/content", Roles.READERS, NONE, null),
    BULLETIN_CHANGES(REPORT, "GET", "/api/v1/bulletins/{id}/changes", Roles.READERS, NONE, null),
    DRIFT_CHECK(REPORT, "POST", "/api/v1/admin/drift-check", Set.of(Roles.ADMIN), NONE, null),
    DRIFT_CHECK_STATUS(REPORT, "GET", "/api/v1/admin/drift-check", Set.of(Roles.ADMIN), NONE, null),
    REBUILD_START(REPORT, "POST", "/api/v1/admin/rebuild", Set.of(Roles.ADMIN), NONE, null),
    REBUILD_STATUS(REPORT, "GET", "/api/v1/admin/rebuild", Set.of(Roles.ADMIN), NONE, null),
    YEAR_CLOSE(REPORT, "POST", "/api/v1/admin/closed-years/{year}", Set.of(Roles.ADMIN), NONE, null),
    YEAR_REOPEN(REPORT, "DELETE", "/api/v1/admin/closed-years/{year}", Set.of(Roles.ADMIN), NONE, null),
    CLOSED_YEARS(REPORT, "GET", "/api/v1/admin/closed-years", Set.of(Roles.ADMIN), NONE, null),

    DEPARTMENT_REGISTER(TASK, "POST", "/api/v1/departments", Roles.EDITORS, WITHIN, "body: region"),
    DEPARTMENT_LIST(TASK, "GET", "/api/v1/departments", Roles.READERS, NONE, null),
    TASK_REGISTER(TASK, "POST", "/api/v1/tasks", Roles.EDITORS, WITHIN, "body: region"),
    TASK_LIST(TASK, "GET", "/api/v1/tasks", Roles.READERS, NONE, null),
    TASK_READ(TASK, "GET", "/api/v1/tasks/{code}", Roles.READERS, NONE, null),
    /** Besides the role: the task's lead department among the token's {@code departments} (admins: any). */
    PROGRESS_REPORT(TASK, "POST", "/api/v1/tasks/{code}/progress", Roles.WRITERS, NONE, null),
    PROGRESS_LIST(TASK, "GET", "/api/v1/tasks/{code}/progress", Roles.READERS, NONE, null);

    /** Which service serves an operation; {@code ALL} for what every service answers the same way. */
    public enum Service {
        VILLAGE,
        INDICATOR,
        REPORT,
        TASK,
        ALL
    }

    /** What the region an operation touches must be, relative to the token's {@code regions} claim. */
    public enum Region {
        /** Any region, or none involved: the role is enough. */
        NONE("—"),
        /** Inside one of the token's regions, the regions themselves included (admins: anywhere). */
        WITHIN("inside the token's regions"),
        /**
         * Strictly below one of the token's regions (admins: anywhere): what a division is — its
         * name, class, urban flag, population — is decided by the level above it.
         */
        BELOW("strictly below the token's regions"),
        /** Directly below one of the token's regions (admins: anywhere): what an approver acts on. */
        CHILD("directly below the token's regions");

        private final String description;

        Region(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Service service;
    private final String method;
    private final String path;
    private final Set<String> roles;
    private final Region region;
    private final String regionFrom;

    /**
     * {@code regionFrom}: where the region is found, a path parameter's name (checked by {@link
     * PermissionFilter}), or {@code body: field} or {@code rows: field} (checked by the service,
     * before anything else about the body; a bulk row outside is a conflict, not the whole request).
     */
    Permission(Service service, String method, String path, Set<String> roles, Region region, String regionFrom) {
        this.service = service;
        this.method = method;
        this.path = path;
        this.roles = Set.copyOf(roles);
        this.region = region;
        this.regionFrom = regionFrom;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Set<String> roles() {
        return roles;
    }

    public Region region() {
        return region;
    }

    /** The path parameter holding the region, when the filter can check it before the body is read. */
    public Optional<String> regionParameter() {
        return regionFrom == null || regionFrom.contains(":") ? Optional.empty() : Optional.of(regionFrom);
    }

    public Optional<String> regionFrom() {
        return Optional.ofNullable(regionFrom);
    }

    /** Whether the operation takes many rows, each checked on its own (a refused row is a conflict). */
    public boolean bulk() {
        return regionFrom != null && regionFrom.startsWith("rows:");
    }

    /** Whether a caller with these roles and regions may call this operation on {@code code}. */
    public boolean allows(Set<String> callerRoles, List<String> callerRegions, String code) {
        if (roles.stream().noneMatch(callerRoles::contains)) {
            return false;
        }
        return switch (region) {
            case NONE -> true;
            case WITHIN -> callerRoles.contains(Roles.ADMIN) || RegionAccess.inside(callerRegions, code);
            case BELOW -> RegionAccess.mayDecide(callerRoles, callerRegions, code);
            case CHILD -> RegionAccess.mayApprove(callerRoles, callerRegions, code);
        };
    }

    public static Optional<Permission> of(String method, String path) {
        return Arrays.stream(values())
                .filter(p -> p.method.equalsIgnoreCase(method) && p.path.equals(path))
                .findFirst();
    }

    /** Why a caller whose token does not pass this row's region rule on {@code code} is refused. */
    public String refusal(String code) {
        return switch (region) {
            case BELOW -> RegionAccess.DECIDED_ABOVE.formatted(code);
            case CHILD -> RegionAccess.NOT_BELOW.formatted(code);
            default -> RegionAccess.OUTSIDE.formatted(code);
        };
    }

    /** A progress report's rule, besides the role: who reports is the department that leads the task. */
    static final String DEPARTMENT_RULE = "the task's lead department must be among the token's departments";

    /** The sentence the OpenAPI document and the README show for this row. */
    public String sentence() {
        String who = roles.stream().sorted().collect(Collectors.joining(", "));
        if (this == PROGRESS_REPORT) {
            return "Roles: " + who + "; " + DEPARTMENT_RULE + " (admin: any).";
        }
        return switch (region) {
            case NONE -> "Roles: " + who + ".";
            default -> "Roles: " + who + "; the region (" + regionFrom + ") must be " + region.description()
                    + " (admin: any).";
        };
    }

    /** The table as Markdown, as the top-level README holds it. */
    public static String markdown() {
        StringBuilder table = new StringBuilder(
                "| Service | Operation | Roles | Region rule | Region from |\n|---|---|---|---|---|\n");
        for (Permission p : values()) {
            table.append("| %s | `%s %s` | %s | %s | %s |\n"
                    .formatted(
                            p.service == ALL ? "every" : p.service.name().toLowerCase(java.util.Locale.ROOT),
                            p.method,
                            p.path,
                            p.roles.stream().sorted().collect(Collectors.joining(", ")),
                            p == PROGRESS_REPORT ? DEPARTMENT_RULE : p.region.description(),
                            p.regionFrom == null ? "—" : p.regionFrom));
        }
        return table.toString();
    }
}
