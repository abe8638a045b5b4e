package cn.bqw.indicator.targets;

import cn.bqw.platform.api.Change;
import cn.bqw.platform.api.Idempotent;
import cn.bqw.platform.api.IdempotentRequests;
import cn.bqw.platform.api.SavedAnswers;
import cn.bqw.platform.api.Versions;
import cn.bqw.platform.importing.BulkImporter;
import cn.bqw.platform.importing.ImportEndpoint;
import cn.bqw.platform.importing.ImportSummary;
import cn.bqw.platform.importing.RowReader;
import cn.bqw.platform.importing.RowsBody;
import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {

    static final String CSV = "text/csv";
    static final String TARGETS_CSV = "indicator,region,year,value,kind,baseline\n"
            + "AGRI_HSF_NEW,449900000000,2025,150000,BINDING,\n"
            + "AGRI_HSF_NEW,449901000000,2025,40000,BINDING,\n";
    static final String TARGETS_JSON = "[{\"indicator\":\"AGRI_HSF_NEW\",\"region\":\"449900000000\",\"year\":2025,"
            + "\"value\":150000,\"kind\":\"BINDING\"}]";

    @Inject
    TargetService targets;

    @Inject
    TargetImport targetImport;

    @Inject
    ImportEndpoint endpoint;

    @Inject
    ObjectMapper json;

    @PUT
    @Requires(Permission.TARGET_PUT)
    @Path("/targets/{indicator}/{region}/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a region's target for a year (If-Match with its ETag to replace one)")
    @APIResponseSchema(
            value = TargetView.class,
            responseCode = "201",
            responseDescription = "set; Location and ETag name it")
    @APIResponse(responseCode = "200", description = "changed (or unchanged); ETag is its version")
    public RestResponse<TargetView> put(
            @PathParam("indicator") String indicator,
            @PathParam("region") String region,
            @PathParam("year") int year,
            @NotNull @Valid TargetRequest request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Change<TargetView> saved = targets.put(indicator, region, year, request, ifMatch);
        return SavedAnswers.of(saved, "/api/v1/targets/{indicator}/{region}/{year}", indicator, region, year);
    }

    @GET
    @Requires(Permission.TARGET_READ)
    @Path("/targets/{indicator}/{region}/{year}")
    @Operation(summary = "One target")
    public RestResponse<TargetView> get(
            @PathParam("indicator") String indicator, @PathParam("region") String region, @PathParam("year") int year) {
        return Versions.tagged(targets.get(indicator, region, year));
    }

    @GET
    @Requires(Permission.TARGET_LIST)
    @Path("/targets")
    @Operation(summary = "Targets, filtered by indicator, year and region")
    public List<TargetView> list(
            @QueryParam("indicator") String indicator,
            @QueryParam("year") Integer year,
            @QueryParam("region") String region) {
        return targets.list(indicator, year, region);
    }

    @GET
    @Requires(Permission.TARGET_ALLOCATION)
    @Path("/targets/allocation")
    @Operation(summary = "A region's target next to the sum of its children's (the city's against its counties')")
    public Allocation allocation(
            @QueryParam("indicator") @NotBlank String indicator,
            @QueryParam("year") @NotNull Integer year,
            @QueryParam("region") @NotBlank String region) {
        return targets.allocation(indicator, year, region);
    }

    @POST
    @Idempotent("targets:batch")
    @Parameter(
            name = IdempotentRequests.HEADER,
            in = ParameterIn.HEADER,
            description = IdempotentRequests.HEADER_DESCRIPTION)
    @Requires(Permission.TARGET_BATCH)
    @Path("/targets:batch")
    @Consumes({RowsBody.CSV, MediaType.APPLICATION_JSON})
    @Operation(summary = "Set targets in bulk from CSV or a JSON array; answers an import summary")
    public RestResponse<ImportSummary> batch(
            @RequestBody(
                            content = {
                                @Content(
                                        mediaType = RowsBody.CSV,
                                        examples = @ExampleObject(name = "targets", value = TARGETS_CSV)),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        examples = @ExampleObject(name = "targets", value = TARGETS_JSON))
                            })
                    RowReader rows,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("atomic") @DefaultValue("false") boolean atomic)
            throws Exception {
        BulkImporter.Mode mode = new BulkImporter.Mode(dryRun, atomic);
        return endpoint.run(rows, reader -> targetImport.run(reader, mode));
    }
}
