package io.lojal.analytics;

import io.lojal.member.MemberReference;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FeedbackRequest", description = "NPS: score 0–10; CSAT: score 1–5; CLI: answers (each 0–10); SOW: categorySpend and periodDays. "
        + "On /v1/feedback name the member by memberId or externalId; on /v1/me/feedback the member is the token's.",
        example = "{\"externalId\": \"shop-customer-4711\", \"kind\": \"NPS\", \"score\": 9}")
public record FeedbackRequest(
        @Size(max = 64) String memberId,
        @Size(max = 100) String externalId,
        @NotNull Kind kind,
        @Min(0) @Max(10) Integer score,
        @Valid Answers answers,
        @Positive @Schema(description = "SOW: what the member says it spent in this category with anyone, minor units") Long categorySpend,
        @Positive @Max(3650) @Schema(description = "SOW: over how many days before now") Integer periodDays) implements MemberReference {

    public enum Kind {
        NPS, CSAT, CLI, SOW
    }

    @Schema(name = "CliAnswers", description = "Customer loyalty index: three 0–10 answers")
    public record Answers(@NotNull @Min(0) @Max(10) Integer recommend,
                          @NotNull @Min(0) @Max(10) Integer repurchase,
                          @NotNull @Min(0) @Max(10) Integer otherProducts) {
    }
}
