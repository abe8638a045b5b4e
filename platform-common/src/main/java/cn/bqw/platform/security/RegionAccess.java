package cn.bqw.platform.security;

import cn.bqw.platform.division.DivisionCode;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Answers "may the caller write region X": an admin anywhere; an editor or a service only inside
 * the subtrees named by its token's {@code regions} claim.
 */
@RequestScoped
public class RegionAccess {

    /** Why a write outside the token's regions is refused (a division code fills it in). */
    public static final String OUTSIDE = "region %s is outside the regions this token may write";

    /** Why an approval step by anyone but an approver of the division directly above is refused. */
    public static final String NOT_BELOW =
            "the figures of %s are approved by an approver of the division directly above it, or an admin";

    /** Why a change to what a division is, by an editor of that division, is refused. */
    public static final String DECIDED_ABOVE =
            "division %s itself is decided by an editor of a region above it, or an admin";

    @Inject
    SecurityIdentity identity;

    /** Throws 403 unless the caller may write the division {@code code}. */
    public void requireWrite(String code) {
        if (!mayWrite(code)) {
            throw new ForbiddenException(OUTSIDE.formatted(code));
        }
    }

    /**
     * Throws 403 unless the caller may decide the attributes of the division {@code code} itself
     * (its name, class, urban flag, population): an admin, or an editor of a region strictly above
     * it. An editor of a county writes the county's data and everything below it, but what the
     * county is ranked as and weighed by is the city's to say.
     */
    public void requireDecide(String code) {
        if (!mayDecide(code)) {
            throw new ForbiddenException(DECIDED_ABOVE.formatted(code));
        }
    }

    public boolean mayDecide(String code) {
        return !identity.isAnonymous() && mayDecide(identity.getRoles(), regions(), code);
    }

    /** The rule of {@link #requireDecide}, free of CDI. */
    public static boolean mayDecide(Collection<String> roles, Collection<String> regions, String code) {
        if (roles.contains(Roles.ADMIN)) {
            return true;
        }
        return roles.contains(Roles.EDITOR)
                && regions.stream()
                        .filter(region -> !region.equals(code))
                        .anyMatch(region -> mayWrite(roles, List.of(region), code));
    }

    /**
     * Whether the caller may approve, accept or return the figures of {@code code}: an admin, or an
     * approver whose regions hold the division directly above it (the county for a township).
     */
    public static boolean mayApprove(Collection<String> roles, Collection<String> regions, String code) {
        if (roles.contains(Roles.ADMIN)) {
            return true;
        }
        Optional<DivisionCode> parent =
                code == null ? Optional.empty() : DivisionCode.parse(code).flatMap(DivisionCode::parent);
        return roles.contains(Roles.APPROVER)
                && parent.isPresent()
                && regions.contains(parent.get().value());
    }

    public boolean mayWrite(String code) {
        if (identity.isAnonymous()) {
            return false;
        }
        return mayWrite(identity.getRoles(), regions(), code);
    }

    /** The rule itself, free of CDI so that it can be tested on its own. */
    public static boolean mayWrite(Collection<String> roles, Collection<String> regions, String code) {
        if (roles.contains(Roles.ADMIN)) {
            return true;
        }
        return (roles.contains(Roles.EDITOR) || roles.contains(Roles.SERVICE)) && inside(regions, code);
    }

    /** Whether {@code code} is one of {@code regions} or below one of them. */
    public static boolean inside(Collection<String> regions, String code) {
        Optional<DivisionCode> target = code == null ? Optional.empty() : DivisionCode.parse(code);
        if (target.isEmpty()) {
            return false;
        }
        return regions.stream()
                .map(DivisionCode::parse)
                .flatMap(Optional::stream)
                .anyMatch(region -> region.contains(target.get()));
    }

    /**
     * Throws 403 unless the caller may take {@code permission} on {@code code}: for operations whose
     * region is in the body, checked by the service first thing.
     */
    public void require(Permission permission, String code) {
        if (!allows(permission, code)) {
            throw new ForbiddenException(permission.refusal(code));
        }
    }

    /** Whether the caller may take {@code permission} on {@code code}: for bulk rows, whose refusals are conflicts. */
    public boolean allows(Permission permission, String code) {
        return !identity.isAnonymous() && permission.allows(identity.getRoles(), regions(), code);
    }

    /** The division codes of the token's {@code regions} claim, empty when it has none. */
    public List<String> regions() {
        return regions(identity);
    }

    /** The division codes of {@code identity}'s {@code regions} claim, empty when it has none. */
    public static List<String> regions(SecurityIdentity identity) {
        return strings(identity, Roles.REGIONS_CLAIM);
    }

    /** The department codes of the token's {@code departments} claim (task-service), empty when it has none. */
    public List<String> departments() {
        return strings(identity, Roles.DEPARTMENTS_CLAIM);
    }

    /** Whether the caller is an admin, who acts anywhere. */
    public boolean admin() {
        return identity.getRoles().contains(Roles.ADMIN);
    }

    private static List<String> strings(SecurityIdentity identity, String name) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return List.of();
        }
        Object claim = jwt.getClaim(name);
        if (claim instanceof JsonArray array) {
            return array.stream()
                    .filter(JsonString.class::isInstance)
                    .map(value -> ((JsonString) value).getString())
                    .toList();
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof JsonString single) {
            return List.of(single.getString());
        }
        return claim instanceof String single ? List.of(single) : List.of();
    }
}
