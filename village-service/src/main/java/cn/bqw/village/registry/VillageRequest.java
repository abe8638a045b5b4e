package cn.bqw.village.registry;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A village's profile as a client sends it; the code comes from the path, the township from the code.
 * Decimals carry at most the digits their columns keep, so that what is stored is what was sent.
 */
@Schema(
        example =
                "{\"nameZh\":\"青石村\",\"nameEn\":\"Qingshi Village\",\"category\":\"DEMONSTRATION\",\"planType\":\"AGGLOMERATION\",\"belts\":[\"URBAN_AGRI_BELT\"],\"pilots\":[\"LAND_SHARE_COOPERATIVE\",\"MAP_AND_CODE\"],\"registeredPopulation\":2800,\"residentPopulation\":2310,\"households\":702,\"areaKm2\":4.7,\"arableLandMu\":3120,\"latitude\":34.5123,\"longitude\":116.2041,\"activeFrom\":\"2024-01-01\"}")
public record VillageRequest(
        @NotBlank @Size(max = 100) @Schema(example = "青石村") String nameZh,
        @Size(max = 200) String nameEn,
        @NotNull VillageCategory category,
        PlanType planType,
        Set<@NotNull Belt> belts,
        Set<@NotNull Pilot> pilots,
        @PositiveOrZero Integer registeredPopulation,
        @PositiveOrZero @Schema(example = "2310") Integer residentPopulation,
        @PositiveOrZero Integer households,
        @PositiveOrZero @Digits(integer = 7, fraction = 3) BigDecimal areaKm2,
        @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal arableLandMu,
        @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 3, fraction = 6) BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 6) BigDecimal longitude,
        LocalDate activeFrom) {}
