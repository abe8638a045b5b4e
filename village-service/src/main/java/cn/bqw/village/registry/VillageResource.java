package cn.bqw.village.registry;

import cn.bqw.platform.api.Change;
import cn.bqw.platform.api.Page;
import cn.bqw.platform.api.SavedAnswers;
import cn.bqw.platform.api.Versions;
import cn.bqw.platform.audit.AuditTrail;
import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/villages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VillageResource {

    /** The body of a retirement. */
    @Schema(example = "{\"effectiveOn\":\"2025-06-30\"}")
    public record Retirement(@NotNull LocalDate effectiveOn) {}

    @Inject
    VillageService villages;

    @PUT
    @Requires(Permission.VILLAGE_PUT)
    @Path("/{code}")
    @Operation(summary = "Register a village, or replace its profile (If-Match with its ETag)")
    @APIResponseSchema(
            value = VillageView.class,
            responseCode = "201",
            responseDescription = "registered; Location and ETag name it")
    @APIResponse(responseCode = "200", description = "changed (or unchanged); ETag is its version")
    public RestResponse<VillageView> put(
            @PathParam("code") String code,
            @NotNull @Valid VillageRequest request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Change<VillageView> saved = villages.put(code, request, ifMatch);
        return SavedAnswers.of(saved, "/api/v1/villages/{code}", code);
    }

    @POST
    @Requires(Permission.VILLAGE_RETIRE)
    @Path("/{code}/retirement")
    @Operation(summary = "Retire a village from a date; its code stays reserved")
    public RestResponse<VillageView> retire(
            @PathParam("code") String code,
            @NotNull @Valid Retirement retirement,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Versions.tagged(villages.retire(code, retirement.effectiveOn(), ifMatch));
    }

    @GET
    @Requires(Permission.VILLAGE_READ)
    @Path("/{code}")
    @Operation(summary = "One village")
    public RestResponse<VillageView> get(@PathParam("code") String code) {
        return Versions.tagged(villages.get(code));
    }

    @GET
    @Requires(Permission.VILLAGE_LIST)
    @Operation(summary = "Villages by county, township, category, plan type, pilot, belt, status or name")
    public Page<VillageView> list(
            @QueryParam("county") String county,
            @QueryParam("township") String township,
            @QueryParam("category") VillageCategory category,
            @QueryParam("planType") PlanType planType,
            @QueryParam("pilot") Pilot pilot,
            @QueryParam("belt") Belt belt,
            @QueryParam("status") VillageStatus status,
            @QueryParam("name") String name,
            @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return villages.list(
                new VillageQuery(county, township, category, planType, pilot, belt, status, name, sort, page, size));
    }

    @GET
    @Requires(Permission.VILLAGE_HISTORY)
    @Path("/{code}/history")
    @Operation(summary = "Every change to the village: who, when, before and after")
    public List<AuditTrail.Entry> history(@PathParam("code") String code) {
        return villages.history(code);
    }
}
