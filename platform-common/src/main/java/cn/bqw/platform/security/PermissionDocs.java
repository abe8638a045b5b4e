package cn.bqw.platform.security;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Writes each operation's row of the {@link Permission} table into the OpenAPI document: a sentence
 * in its description, and the row's name, roles, region rule and region source as extensions, so
 * that what the document says about access is what the filter enforces — and what each service's
 * permission matrix test holds the service to.
 */
public class PermissionDocs implements OASFilter {

    public static final String EXTENSION = "x-bqw-permission";
    /** The roles allowed, the region rule and where the region is: what the permission matrix checks against. */
    public static final String ROLES = "x-bqw-roles";

    public static final String REGION = "x-bqw-region";
    public static final String REGION_FROM = "x-bqw-region-from";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, org.eclipse.microprofile.openapi.models.Operation> entry :
                    item.getOperations().entrySet()) {
                Permission.of(entry.getKey().name(), path).ifPresent(permission -> {
                    var operation = entry.getValue();
                    String description = operation.getDescription();
                    operation.setDescription(
                            description == null || description.isBlank()
                                    ? permission.sentence()
                                    : description + "\n\n" + permission.sentence());
                    operation.addExtension(EXTENSION, permission.name());
                    operation.addExtension(
                            ROLES, permission.roles().stream().sorted().toList());
                    operation.addExtension(REGION, permission.region().name());
                    permission.regionFrom().ifPresent(from -> operation.addExtension(REGION_FROM, from));
                });
            }
        });
    }
}
