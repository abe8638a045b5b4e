package cn.bqw.village.importing;

import cn.bqw.platform.api.IdempotentRequests;
import cn.bqw.platform.api.MediaTypes;
import cn.bqw.platform.importing.ImportEndpoint;
import cn.bqw.platform.importing.ImportSummary;
import cn.bqw.platform.importing.RowReader;
import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code POST /api/v1/villages:import} and {@code POST /api/v1/divisions:import}: many at once, as
 * CSV (a header row; list cells {@code |}-separated; the charset of the Content-Type) or a JSON
 * array, answering an import summary.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    public static final String CSV = "text/csv";

    static final String VILLAGES_CSV =
            "code,nameZh,category,planType,belts,pilots,residentPopulation\n449901101201,青石村,DEMONSTRATION,AGGLOMERATION,URBAN_AGRI_BELT,LAND_SHARE_COOPERATIVE|MAP_AND_CODE,2310\n";

    static final String VILLAGES_JSON =
            "[{\"code\":\"449901101201\",\"nameZh\":\"青石村\",\"category\":\"DEMONSTRATION\",\"pilots\":[\"MAP_AND_CODE\"],\"residentPopulation\":2310}]";

    static final String DIVISIONS_CSV =
            "code,nameZh,nameEn,countyClass,urbanDistrict,population\n449900000000,示范市,Demo City,,,\n449901000000,东县,East County,LEAD,false,420000\n449901101000,青石镇,,,,\n";

    static final String DIVISIONS_JSON =
            "[{\"code\":\"449901000000\",\"nameZh\":\"东县\",\"countyClass\":\"LEAD\"},{\"code\":\"449901101000\",\"nameZh\":\"青石镇\"}]";

    @Inject
    VillageImport villageImport;

    @Inject
    DivisionImport divisionImport;

    @Inject
    ImportEndpoint endpoint;

    @Inject
    ObjectMapper json;

    @POST
    @Requires(Permission.VILLAGE_IMPORT)
    @Path("/villages:import")
    @Consumes(CSV)
    @Operation(summary = "Import villages from CSV; answers an import summary")
    public RestResponse<ImportSummary> villagesFromCsv(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = CSV,
                                            examples = @ExampleObject(name = "villages", value = VILLAGES_CSV)))
                    InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @HeaderParam(IdempotentRequests.HEADER) String key)
            throws Exception {
        return villages(key, dryRun, () -> csv(body, contentType, VillageImport.LIST_COLUMNS));
    }

    @POST
    @Requires(Permission.VILLAGE_IMPORT)
    @Path("/villages:import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import villages from a JSON array; answers an import summary")
    public RestResponse<ImportSummary> villagesFromJson(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = @ExampleObject(name = "villages", value = VILLAGES_JSON)))
                    InputStream body,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @HeaderParam(IdempotentRequests.HEADER) String key)
            throws Exception {
        return villages(key, dryRun, () -> RowReader.jsonArray(body, json));
    }

    @POST
    @Requires(Permission.DIVISION_IMPORT)
    @Path("/divisions:import")
    @Consumes(CSV)
    @Operation(summary = "Import cities, counties and townships from CSV, parents before children")
    public RestResponse<ImportSummary> divisionsFromCsv(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = CSV,
                                            examples = @ExampleObject(name = "divisions", value = DIVISIONS_CSV)))
                    InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @HeaderParam(IdempotentRequests.HEADER) String key)
            throws Exception {
        return divisions(key, dryRun, () -> csv(body, contentType, Set.of()));
    }

    @POST
    @Requires(Permission.DIVISION_IMPORT)
    @Path("/divisions:import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import cities, counties and townships from a JSON array, parents before children")
    public RestResponse<ImportSummary> divisionsFromJson(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = @ExampleObject(name = "divisions", value = DIVISIONS_JSON)))
                    InputStream body,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @HeaderParam(IdempotentRequests.HEADER) String key)
            throws Exception {
        return divisions(key, dryRun, () -> RowReader.jsonArray(body, json));
    }

    private RestResponse<ImportSummary> villages(String key, boolean dryRun, ImportEndpoint.Rows rows)
            throws Exception {
        return endpoint.handle(
                "villages:import", key, rows, (reader, scope) -> villageImport.run(reader, dryRun, scope, key));
    }

    private RestResponse<ImportSummary> divisions(String key, boolean dryRun, ImportEndpoint.Rows rows)
            throws Exception {
        return endpoint.handle(
                "divisions:import", key, rows, (reader, scope) -> divisionImport.run(reader, dryRun, scope, key));
    }

    private RowReader csv(InputStream body, MediaType contentType, Set<String> listColumns) {
        return RowReader.csv(body, MediaTypes.charset(contentType), listColumns, json);
    }
}
