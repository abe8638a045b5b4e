package cn.bqw.platform.security;

/** The roles a token carries in its {@code groups} claim (DESIGN.md §7). */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";
    public static final String VIEWER = "viewer";
    /** Another government system calling our APIs; writes like an editor, within its regions. */
    public static final String SERVICE = "service";

    /** The claim with the division codes whose subtrees an editor may write. */
    public static final String REGIONS_CLAIM = "regions";

    private Roles() {}
}
