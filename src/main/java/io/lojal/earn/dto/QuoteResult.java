package io.lojal.earn.dto;

import io.lojal.earn.rules.BreakdownItem;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "QuoteResult", description = "What an earn would give, computed the same way, with nothing written")
public record QuoteResult(@Schema(example = "599") long points, List<BreakdownItem> breakdown) {
}
