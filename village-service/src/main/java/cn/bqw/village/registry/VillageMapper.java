package cn.bqw.village.registry;

import cn.bqw.platform.persistence.EntityMapping;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.mapstruct.Mapper;

@Mapper(config = EntityMapping.class)
public abstract class VillageMapper {

    /** Belts and pilots are stored as names (PostgreSQL arrays) and shown as sorted sets. */
    public abstract VillageView toView(Village village);

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

    SortedSet<Belt> belts(String[] names) {
        return fromNames(names, Belt::valueOf);
    }

    SortedSet<Pilot> pilots(String[] names) {
        return fromNames(names, Pilot::valueOf);
    }

    private static <E extends Enum<E>> SortedSet<E> fromNames(String[] names, Function<String, E> parse) {
        return names == null
                ? new TreeSet<>()
                : new TreeSet<>(Arrays.stream(names).map(parse).toList());
    }
}
