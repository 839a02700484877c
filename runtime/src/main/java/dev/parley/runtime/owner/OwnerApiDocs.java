package dev.parley.runtime.owner;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents in {@code /q/openapi} the two answers every owner operation can give besides its own, from where they
 * come from rather than on each operation: 401 from {@link OwnerApiFilter} without the owner token, and 503 from
 * {@link dev.parley.runtime.http.ExceptionMappers} when the request failed unexpectedly (the database is
 * unreachable, say). Both carry the {@code Error} schema. Registered as {@code mp.openapi.filter}.
 */
public class OwnerApiDocs implements OASFilter {

    private static final String ERROR = "#/components/schemas/Error";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!OwnerApiFilter.guards(path.getKey())) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    operation.setResponses(responses);
                }
                add(responses, "401", "No owner token, or a wrong one (Authorization: Bearer <token>)");
                add(responses, "503", "The request could not be completed now (the database is unreachable, say); try again");
            }
        }
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            return;
        }
        Content content = OASFactory.createContent().addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR)));
        APIResponse response = OASFactory.createAPIResponse().description(description).content(content);
        responses.addAPIResponse(code, response);
    }
}
