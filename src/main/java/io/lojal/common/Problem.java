package io.lojal.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, the body of every 4xx and 5xx answer. */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(example = "https://lojal.dev/problems/insufficient-points") String type,
        @Schema(example = "Insufficient points") String title,
        @Schema(example = "422") int status,
        @Schema(example = "The member has 80 available points; 100 were asked for.") String detail,
        @Schema(description = "Each offending field (validation-failed only)") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://lojal.dev/problems/";

    @Schema(name = "FieldError")
    public record FieldError(@Schema(example = "amount") String field,
                             @Schema(example = "must be greater than or equal to 0") String message) {
    }
}
