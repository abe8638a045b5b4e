package cn.bqw.indicator.observation;

import cn.bqw.platform.api.IdempotentRequests;
import cn.bqw.platform.api.MediaTypes;
import cn.bqw.platform.api.Page;
import cn.bqw.platform.api.Versions;
import cn.bqw.platform.api.WriteAdmission;
import cn.bqw.platform.importing.BulkImporter;
import cn.bqw.platform.importing.ImportEndpoint;
import cn.bqw.platform.importing.ImportSummary;
import cn.bqw.platform.importing.RowReader;
import cn.bqw.platform.security.CurrentActor;
import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ObservationResource {

    static final String CSV = "text/csv";
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

    @Inject
    IdempotentRequests idempotentRequests;

    @Inject
    WriteAdmission admission;

    @Inject
    CurrentActor actor;

    @Inject
    ObjectMapper json;

    @POST
    @Requires(Permission.OBSERVATION_RECORD)
    @Path("/observations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record one value: 201 for a new key, 200 for a revision or an unchanged value;"
                    + " the answer shows the value it replaced and any outlier flag; 503 with Retry-After"
                    + " when the service is working on as many writes as it takes")
    public RestResponse<ObservationRecorded> record(
            @NotNull @Valid ObservationRequest request, @HeaderParam(IdempotentRequests.HEADER) String key)
            throws Exception {
        String scope = "observations:" + actor.name();
        return admission.admit(() -> idempotentRequests.once(
                scope,
                key,
                idempotentRequests.fingerprintOfJson(request),
                answer -> RestResponse.ResponseBuilder.<ObservationRecorded>create(answer.status())
                        .entity(json.readValue(answer.body(), ObservationRecorded.class))
                        .build(),
                () -> {
                    ObservationWriter.Outcome outcome = observations.record(request, scope, key);
                    return RestResponse.ResponseBuilder.<ObservationRecorded>create(ObservationService.status(outcome))
                            .entity(outcome.recorded())
                            .tag(Versions.tag(outcome.recorded().version()))
                            .build();
                }));
    }

    @POST
    @Requires(Permission.OBSERVATION_BATCH)
    @Path("/observations:batch")
    @Consumes(CSV)
    @Operation(
            summary = "Record up to 100,000 values from CSV, streamed; answers an import summary"
                    + " (dryRun: check only; atomic: all or nothing)")
    public RestResponse<ImportSummary> batchFromCsv(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = CSV,
                                            examples = @ExampleObject(name = "values", value = BATCH_CSV)))
                    InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("atomic") @DefaultValue("false") boolean atomic,
            @HeaderParam(IdempotentRequests.HEADER) String key)
            throws Exception {
        return batch(
                key,
                new BulkImporter.Mode(dryRun, atomic),
                () -> RowReader.csv(body, MediaTypes.charset(contentType), Set.of(), json));
    }

    @POST
    @Requires(Permission.OBSERVATION_BATCH)
    @Path("/observations:batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record up to 100,000 values from a JSON array, streamed; answers an import summary"
                    + " (dryRun: check only; atomic: all or nothing)")
    public RestResponse<ImportSummary> batchFromJson(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = @ExampleObject(name = "values", value = BATCH_JSON)))
                    InputStream body,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("atomic") @DefaultValue("false") boolean atomic,
            @HeaderParam(IdempotentRequests.HEADER) String key)
            throws Exception {
        return batch(key, new BulkImporter.Mode(dryRun, atomic), () -> RowReader.jsonArray(body, json));
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

    private RestResponse<ImportSummary> batch(String key, BulkImporter.Mode mode, ImportEndpoint.Rows rows)
            throws Exception {
        return endpoint.handle(
                "observations:batch", key, rows, (reader, scope) -> observationImport.run(reader, mode, scope, key));
    }
}
