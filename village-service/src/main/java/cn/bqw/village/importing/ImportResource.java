package cn.bqw.village.importing;

import cn.bqw.platform.api.Idempotent;
import cn.bqw.platform.api.IdempotentRequests;
import cn.bqw.platform.importing.ImportEndpoint;
import cn.bqw.platform.importing.ImportSummary;
import cn.bqw.platform.importing.ListColumns;
import cn.bqw.platform.importing.RowReader;
import cn.bqw.platform.importing.RowsBody;
import cn.bqw.platform.security.Permission;
import cn.bqw.platform.security.Requires;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    @Idempotent("villages:import")
    @Parameter(
            name = IdempotentRequests.HEADER,
            in = ParameterIn.HEADER,
            description = IdempotentRequests.HEADER_DESCRIPTION)
    @Requires(Permission.VILLAGE_IMPORT)
    @Path("/villages:import")
    @Consumes({RowsBody.CSV, MediaType.APPLICATION_JSON})
    @Operation(summary = "Import villages from CSV or a JSON array; answers an import summary")
    public RestResponse<ImportSummary> villages(
            @RequestBody(
                            content = {
                                @Content(
                                        mediaType = RowsBody.CSV,
                                        examples = @ExampleObject(name = "villages", value = VILLAGES_CSV)),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        examples = @ExampleObject(name = "villages", value = VILLAGES_JSON))
                            })
                    @ListColumns({"belts", "pilots"})
                    RowReader rows,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun)
            throws Exception {
        return endpoint.run(rows, reader -> villageImport.run(reader, dryRun));
    }

    @POST
    @Idempotent("divisions:import")
    @Parameter(
            name = IdempotentRequests.HEADER,
            in = ParameterIn.HEADER,
            description = IdempotentRequests.HEADER_DESCRIPTION)
    @Requires(Permission.DIVISION_IMPORT)
    @Path("/divisions:import")
    @Consumes({RowsBody.CSV, MediaType.APPLICATION_JSON})
    @Operation(summary = "Import cities, counties and townships from CSV or a JSON array, parents before children")
    public RestResponse<ImportSummary> divisions(
            @RequestBody(
                            content = {
                                @Content(
                                        mediaType = RowsBody.CSV,
                                        examples = @ExampleObject(name = "divisions", value = DIVISIONS_CSV)),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        examples = @ExampleObject(name = "divisions", value = DIVISIONS_JSON))
                            })
                    RowReader rows,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun)
            throws Exception {
        return endpoint.run(rows, reader -> divisionImport.run(reader, dryRun));
    }
}
