package cn.bqw.platform.region;

import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.RegionAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The region a registration goes to: one the caller may write, and an active division. */
@ApplicationScoped
public class RegionWrites {

    @Inject
    RegionAccess access;

    @Inject
    RegionReplica regions;

    /**
     * The active region {@code code} of a request's {@code region} field, once the caller is found
     * to take {@code permission} there. Whose region it is comes first (403), so that a caller
     * learns nothing about a region outside its own; then whether it is active (400).
     */
    public RegionRecord require(Permission permission, String code) {
        access.require(permission, code);
        return regions.active(code, "region");
    }
}
