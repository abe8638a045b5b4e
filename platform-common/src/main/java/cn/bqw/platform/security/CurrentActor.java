package cn.bqw.platform.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

/** Who is acting: the token's principal in a request, {@code system} anywhere else. */
@ApplicationScoped
public class CurrentActor {

    public static final String SYSTEM = "system";

    @Inject
    CurrentIdentityAssociation identity;

    public String name() {
        try {
            SecurityIdentity caller = identity.getIdentity();
            return caller == null || caller.isAnonymous()
                    ? SYSTEM
                    : caller.getPrincipal().getName();
        } catch (ContextNotActiveException e) {
            return SYSTEM;
        }
    }
}
