package cn.bqw.platform.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one place where the {@link Permission} table is enforced, after the token is checked and
 * before the body is read: the caller's roles against the operation's row, then, where the region
 * is in the path, the region rule. An API method without a row is refused, so a new endpoint is
 * closed until someone decides who may call it.
 */
public class PermissionFilter {

    private static final Logger LOG = Logger.getLogger(PermissionFilter.class);

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceMethod() == null
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        Requires requires = resource.getResourceMethod().getAnnotation(Requires.class);
        if (requires == null) {
            LOG.errorf(
                    "%s.%s has no row in the permission table; refused",
                    resource.getResourceClass().getSimpleName(),
                    resource.getResourceMethod().getName());
            return Uni.createFrom().failure(new ForbiddenException("this operation is not in the permission table"));
        }
        Permission permission = requires.value();
        return identities.getDeferredIdentity().map(identity -> {
            decide(permission, identity, request);
            return null;
        });
    }

    private static void decide(Permission permission, SecurityIdentity identity, ContainerRequestContext request) {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (permission.roles().stream().noneMatch(identity.getRoles()::contains)) {
            throw new ForbiddenException("this operation needs one of the roles " + permission.roles());
        }
        permission.regionParameter().ifPresent(parameter -> {
            String code = request.getUriInfo().getPathParameters().getFirst(parameter);
            if (!permission.allows(identity.getRoles(), RegionAccess.regions(identity), code)) {
                throw new ForbiddenException(permission.refusal(code));
            }
        });
    }
}
