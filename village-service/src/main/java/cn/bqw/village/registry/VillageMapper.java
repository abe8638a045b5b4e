package cn.bqw.village.registry;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

@ApplicationScoped
public class VillageMapper {

    public VillageView toView(Village village) {
        return new VillageView(
                village.code,
                village.townshipCode,
                village.nameZh,
                village.nameEn,
                village.category,
                village.planType,
                fromNames(village.belts, Belt::valueOf),
                fromNames(village.pilots, Pilot::valueOf),
                village.registeredPopulation,
                village.residentPopulation,
                village.households,
                village.areaKm2,
                village.arableLandMu,
                village.latitude,
                village.longitude,
                village.status,
                village.activeFrom,
                village.retiredOn,
                village.version);
    }

    public void apply(VillageRequest request, Village village) {
        village.nameZh = request.nameZh();
        village.nameEn = request.nameEn();
        village.category = request.category();
        village.planType = request.planType() == null ? PlanType.UNDETERMINED : request.planType();
        village.belts = toNames(request.belts());
        village.pilots = toNames(request.pilots());
        village.registeredPopulation = request.registeredPopulation();
        village.residentPopulation = request.residentPopulation();
        village.households = request.households();
        village.areaKm2 = scaled(request.areaKm2(), 3);
        village.arableLandMu = scaled(request.arableLandMu(), 2);
        village.latitude = scaled(request.latitude(), 6);
        village.longitude = scaled(request.longitude(), 6);
    }

    /** At the column's scale, as the database returns it, so that an unchanged profile compares equal. */
    private static BigDecimal scaled(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale);
    }

    private static <E extends Enum<E>> String[] toNames(Set<E> values) {
        return values == null
                ? new String[0]
                : values.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static <E extends Enum<E>> SortedSet<E> fromNames(String[] names, Function<String, E> parse) {
        return names == null
                ? new TreeSet<>()
                : new TreeSet<>(Arrays.stream(names).map(parse).toList());
    }
}
