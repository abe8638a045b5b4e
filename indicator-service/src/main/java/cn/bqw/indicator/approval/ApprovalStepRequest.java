package cn.bqw.indicator.approval;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What may come with a step: a reason, required for a return. */
@Schema(example = "{\"reason\":\"厕所数与上月不符，请核实\"}")
public record ApprovalStepRequest(@Size(max = 2000) String reason) {}
