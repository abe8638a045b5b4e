package cn.bqw.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /api/v1/me}: what the presented token lets its holder do here, so a client can check
 * its credentials before it posts anything.
 */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {

    /** The caller as this service sees it. */
    @Schema(example = "{\"name\":\"editor-dongxian\",\"roles\":[\"editor\"],\"regions\":[\"449901000000\"]}")
    public record Caller(String name, Set<String> roles, List<String> regions) {}

    @Inject
    SecurityIdentity identity;

    @Inject
    RegionAccess regionAccess;

    @GET
    @Requires(Permission.CALLER)
    @Operation(summary = "The caller's name, roles and writable regions")
    public Caller me() {
        return new Caller(
                identity.getPrincipal().getName(), new TreeSet<>(identity.getRoles()), regionAccess.regions());
    }
}
