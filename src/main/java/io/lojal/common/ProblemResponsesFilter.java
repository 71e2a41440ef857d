package io.lojal.common;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Gives every error response of the spec its problem+json body, and adds the answers every {@code /v1} call can give
 * (400, 401, 403, 500, 503), so resources declare only the refusals that are their own.
 */
public class ProblemResponsesFilter implements OASFilter {

    /** In a fixed order, so that every build writes the same document. */
    private static final List<Map.Entry<String, String>> COMMON = List.of(
            Map.entry("400", "`validation-failed` (each offending field in `errors`) or `malformed-request` (body is not JSON)"),
            Map.entry("401", "`unauthorized`: no bearer token, or one that is expired, tampered with or from another issuer"),
            Map.entry("403", "`forbidden`: the token's role may not make this call"),
            Map.entry("500", "`internal-error`: nothing was applied; no internals are disclosed"),
            Map.entry("503", "`overloaded`: too many calls in progress; nothing was applied, retry after `Retry-After` seconds"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/v1")) {
                return;
            }
            item.getOperations().values().forEach(this::describeProblems);
        });
    }

    private void describeProblems(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Map.Entry<String, String> common : COMMON) {
            APIResponse existing = responses.getAPIResponse(common.getKey());
            if (existing == null) {
                responses.addAPIResponse(common.getKey(), OASFactory.createAPIResponse().description(common.getValue()));
            } else if (existing.getDescription() == null || existing.getDescription().isBlank()
                    || existing.getDescription().equals("Not Authorized") || existing.getDescription().equals("Not Allowed")
                    || existing.getDescription().equals("Bad Request")) {
                existing.setDescription(common.getValue());
            }
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem")));
    }
}
