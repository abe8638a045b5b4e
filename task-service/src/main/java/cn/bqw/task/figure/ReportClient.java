package cn.bqw.task.figure;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** report-service's report of a region for a year (its {@code REPORT_REGION} operation). */
@RegisterRestClient(configKey = "report-service")
@Path("/api/v1/reports")
public interface ReportClient {

    @GET
    @Path("/regions/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode region(
            @HeaderParam("Authorization") String authorization,
            @PathParam("code") String region,
            @QueryParam("year") int year);
}
