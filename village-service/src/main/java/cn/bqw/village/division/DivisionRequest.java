package cn.bqw.village.division;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a division registration; the level and parent follow from the code. */
@Schema(
        example =
                "{\"code\":\"449901000000\",\"nameZh\":\"东县\",\"nameEn\":\"East County\",\"countyClass\":\"LEAD\",\"urbanDistrict\":false,\"population\":420000}")
public record DivisionRequest(
        @NotBlank @Schema(example = "449901010000") String code,
        @NotBlank @Size(max = 100) @Schema(example = "青石镇") String nameZh,
        @Size(max = 200) String nameEn,
        CountyClass countyClass,
        Boolean urbanDistrict,
        @PositiveOrZero Integer population) {}
