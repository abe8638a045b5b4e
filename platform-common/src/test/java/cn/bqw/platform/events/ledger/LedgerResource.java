package cn.bqw.platform.events.ledger;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

@Path("/test/ledger/{account}")
public class LedgerResource {

    @Inject
    Ledger ledger;

    @POST
    public Response post(@PathParam("account") String account, @QueryParam("amount") long amount) {
        return Response.status(201).entity(ledger.post(account, amount)).build();
    }
}
