package cn.bqw.village.registry;

import cn.bqw.platform.api.Versioned;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SortedSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A village as the API shows it, and as its events carry it. */
@Schema(
        example =
                "{\"code\":\"449901101201\",\"townshipCode\":\"449901101000\",\"nameZh\":\"青石村\",\"nameEn\":\"Qingshi Village\",\"category\":\"DEMONSTRATION\",\"planType\":\"AGGLOMERATION\",\"belts\":[\"URBAN_AGRI_BELT\"],\"pilots\":[\"LAND_SHARE_COOPERATIVE\",\"MAP_AND_CODE\"],\"registeredPopulation\":2800,\"residentPopulation\":2310,\"households\":702,\"areaKm2\":4.700,\"arableLandMu\":3120.00,\"latitude\":34.512300,\"longitude\":116.204100,\"status\":\"ACTIVE\",\"activeFrom\":\"2024-01-01\",\"retiredOn\":null,\"version\":3}")
public record VillageView(
        String code,
        String townshipCode,
        String nameZh,
        String nameEn,
        VillageCategory category,
        PlanType planType,
        SortedSet<Belt> belts,
        SortedSet<Pilot> pilots,
        Integer registeredPopulation,
        Integer residentPopulation,
        Integer households,
        BigDecimal areaKm2,
        BigDecimal arableLandMu,
        BigDecimal latitude,
        BigDecimal longitude,
        VillageStatus status,
        LocalDate activeFrom,
        LocalDate retiredOn,
        long version)
        implements Versioned {}
