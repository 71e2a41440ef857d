package io.lojal.tier;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TierRequest", example = "{\"code\": \"GOLD\", \"name\": \"Gold\", \"rank\": 2, \"threshold\": 5000, \"earnMultiplier\": 1.5, \"benefits\": [\"Free shipping\"]}")
public record TierRequest(
        @Size(max = 32) @Pattern(regexp = "[A-Z0-9_-]+", message = "must be upper-case letters, digits, _ or -")
        @Schema(description = "Required to create; on PUT, if given, it must be the code in the path") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull @PositiveOrZero Integer rank,
        @NotNull @PositiveOrZero Long threshold,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal earnMultiplier,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> benefits) {
}
