package cn.bqw.platform.security;

import java.util.Set;

/** The roles a token carries in its {@code groups} claim (DESIGN.md §7). */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";
    public static final String VIEWER = "viewer";
    /** Another government system calling our APIs; writes like an editor, within its regions. */
    public static final String SERVICE = "service";
    /** Checks and approves the figures of the regions directly below its own (审核). */
    public static final String APPROVER = "approver";

    /** Every role this platform knows: what a token needs to read anything. */
    public static final Set<String> READERS = Set.of(ADMIN, EDITOR, VIEWER, SERVICE, APPROVER);

    /** Who approves, accepts and returns figures: admins anywhere, approvers directly below their regions. */
    public static final Set<String> APPROVERS = Set.of(ADMIN, APPROVER);

    /** Who writes data of a region: admins anywhere, editors and services inside their regions. */
    public static final Set<String> WRITERS = Set.of(ADMIN, EDITOR, SERVICE);

    /** Who changes the map itself: admins anywhere, editors below their regions. */
    public static final Set<String> EDITORS = Set.of(ADMIN, EDITOR);

    /** The claim with the division codes whose subtrees an editor may write. */
    public static final String REGIONS_CLAIM = "regions";

    /** The claim with the departments (task-service) whose tasks' progress a token may report. */
    public static final String DEPARTMENTS_CLAIM = "departments";

    private Roles() {}
}
