package cn.bqw.village.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SortedSet;

/** A village as the API shows it, and as its events carry it. */
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
        long version) {}
