package cn.bqw.indicator.observation;

import cn.bqw.platform.api.Admitted;
import cn.bqw.platform.api.Idempotent;
import cn.bqw.platform.api.IdempotentRequests;
import cn.bqw.platform.api.Page;
import cn.bqw.platform.api.Versions;
import cn.bqw.platform.importing.BulkImporter;
import cn.bqw.platform.importing.ImportEndpoint;
import cn.bqw.platform.importing.ImportSummary;
import cn.bqw.platform.importing.RowReader;
import cn.bqw.platform.importing.RowsBody;
import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ObservationResource {

    static final String BATCH_CSV = "indicator,region,period,area,value,numerator,denominator\n"
            + "RURAL_TOILET,449901101201,2025-06,TOTAL,3,,\n"
            + "RURAL_SEWAGE_RATE,449901101201,2025-06,TOTAL,,412,700\n";
    static final String BATCH_JSON =
            "[{\"indicator\":\"RURAL_TOILET\",\"region\":\"449901101201\",\"period\":\"2025-06\","
                    + "\"value\":3},{\"indicator\":\"RURAL_SEWAGE_RATE\",\"region\":\"449901101201\",\"period\":\"2025-06\","
                    + "\"numerator\":412,\"denominator\":700}]";

    @Inject
    ObservationService observations;

    @Inject
    ObservationImport observationImport;

    @Inject
    ImportEndpoint endpoint;

    @POST
    @Admitted
    @Idempotent("observations")
    @Parameter(
            name = IdempotentRequests.HEADER,
            in = ParameterIn.HEADER,
            description = IdempotentRequests.HEADER_DESCRIPTION)
    @Requires(Permission.OBSERVATION_RECORD)
    @Path("/observations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record one value: 201 for a new key, 200 for a revision or an unchanged value;"
                    + " the answer shows the value it replaced and any outlier flag; 503 with Retry-After"
                    + " when the service is working on as many writes as it takes")
    public RestResponse<ObservationRecorded> record(@NotNull @Valid ObservationRequest request) {
        ObservationWriter.Outcome outcome = observations.record(request);
        return RestResponse.ResponseBuilder.<ObservationRecorded>create(ObservationService.status(outcome))
                .entity(outcome.recorded())
                .tag(Versions.tag(outcome.recorded().version()))
                .build();
    }

    @POST
    @Idempotent("observations:batch")
    @Parameter(
            name = IdempotentRequests.HEADER,
            in = ParameterIn.HEADER,
            description = IdempotentRequests.HEADER_DESCRIPTION)
    @Requires(Permission.OBSERVATION_BATCH)
    @Path("/observations:batch")
    @Consumes({RowsBody.CSV, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Record up to 100,000 values from CSV or a JSON array, streamed; answers an import summary"
                    + " (dryRun: check only; atomic: all or nothing)")
    public RestResponse<ImportSummary> batch(
            @RequestBody(
                            content = {
                                @Content(
                                        mediaType = RowsBody.CSV,
                                        examples = @ExampleObject(name = "values", value = BATCH_CSV)),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        examples = @ExampleObject(name = "values", value = BATCH_JSON))
                            })
                    RowReader rows,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("atomic") @DefaultValue("false") boolean atomic)
            throws Exception {
        BulkImporter.Mode mode = new BulkImporter.Mode(dryRun, atomic);
        return endpoint.run(rows, reader -> observationImport.run(reader, mode));
    }

    @GET
    @Requires(Permission.OBSERVATION_LIST)
    @Path("/observations")
    @Operation(summary = "Current values, filtered by indicator, region, period and area")
    public Page<ObservationView> list(
            @QueryParam("indicator") String indicator,
            @QueryParam("region") String region,
            @QueryParam("period") String period,
            @QueryParam("area") Area area,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(1000) int size) {
        return observations.list(indicator, region, period, area, page, size);
    }

    @GET
    @Requires(Permission.OBSERVATION_HISTORY)
    @Path("/observations/history")
    @Operation(summary = "Every version of one value, oldest first, with who recorded it and when")
    public List<ObservationView> history(
            @QueryParam("indicator") @NotBlank String indicator,
            @QueryParam("region") @NotBlank String region,
            @QueryParam("period") @NotBlank String period,
            @QueryParam("area") Area area) {
        return observations.history(indicator, region, period, area);
    }
}
