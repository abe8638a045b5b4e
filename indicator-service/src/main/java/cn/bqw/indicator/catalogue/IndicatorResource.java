package cn.bqw.indicator.catalogue;

import cn.bqw.platform.api.Change;
import cn.bqw.platform.api.Idempotent;
import cn.bqw.platform.api.IdempotentRequests;
import cn.bqw.platform.api.SavedAnswers;
import cn.bqw.platform.api.Versions;
import cn.bqw.platform.importing.ImportEndpoint;
import cn.bqw.platform.importing.ImportSummary;
import cn.bqw.platform.importing.RowReader;
import cn.bqw.platform.importing.RowsBody;
import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import com.fasterxml.jackson.databind.ObjectMapper;
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
public class IndicatorResource {

    static final String CATALOGUE_CSV =
            "code,name_zh,name_en,campaign,unit,aggregation,over_time,direction,reported_at,frequency\n"
                    + "RURAL_TOILET,新建农村公厕,New rural public toilets,RURAL,toilet,SUM,FLOW,UP,VILLAGE,MONTHLY\n";

    @Inject
    IndicatorService indicators;

    @Inject
    CatalogueImport catalogueImport;

    @Inject
    ImportEndpoint endpoint;

    @Inject
    ObjectMapper json;

    @PUT
    @Requires(Permission.INDICATOR_PUT)
    @Path("/indicators/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define an indicator, or replace its definition (If-Match with its ETag)")
    @APIResponseSchema(
            value = IndicatorView.class,
            responseCode = "201",
            responseDescription = "defined; Location and ETag name it")
    @APIResponse(responseCode = "200", description = "changed (or unchanged); ETag is its version")
    public RestResponse<IndicatorView> put(
            @PathParam("code") String code,
            @NotNull @Valid IndicatorRequest request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Change<IndicatorView> saved = indicators.put(code, request, ifMatch);
        return SavedAnswers.of(saved, "/api/v1/indicators/{code}", code);
    }

    @GET
    @Requires(Permission.INDICATOR_READ)
    @Path("/indicators/{code}")
    @Operation(summary = "One indicator")
    public RestResponse<IndicatorView> get(@PathParam("code") String code) {
        return Versions.tagged(indicators.get(code));
    }

    @GET
    @Requires(Permission.INDICATOR_LIST)
    @Path("/indicators")
    @Operation(summary = "The catalogue, or one campaign of it")
    public List<IndicatorView> list(@QueryParam("campaign") Campaign campaign) {
        return indicators.list(campaign);
    }

    @POST
    @Idempotent("indicators:import")
    @Parameter(
            name = IdempotentRequests.HEADER,
            in = ParameterIn.HEADER,
            description = IdempotentRequests.HEADER_DESCRIPTION)
    @Requires(Permission.INDICATOR_IMPORT)
    @Path("/indicators:import")
    @Consumes(RowsBody.CSV)
    @Operation(summary = "Import the catalogue from CSV in the programme's reference format; answers an import summary")
    public RestResponse<ImportSummary> importCatalogue(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = RowsBody.CSV,
                                            examples = @ExampleObject(name = "catalogue", value = CATALOGUE_CSV)))
                    RowReader rows,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun)
            throws Exception {
        return endpoint.run(rows, reader -> catalogueImport.run(reader, dryRun));
    }
}
