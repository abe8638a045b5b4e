package cn.bqw.platform.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list answer, with the total count over all pages. */
@Schema(
        example =
                "{\"items\":[{\"code\":\"449901101201\",\"townshipCode\":\"449901101000\",\"nameZh\":\"青石村\",\"category\":\"DEMONSTRATION\",\"planType\":\"AGGLOMERATION\",\"belts\":[\"URBAN_AGRI_BELT\"],\"pilots\":[\"MAP_AND_CODE\"],\"residentPopulation\":2310,\"status\":\"ACTIVE\",\"activeFrom\":\"2024-01-01\",\"version\":3}],\"total\":1318,\"page\":0,\"size\":50}")
public record Page<T>(List<T> items, long total, int page, int size) {}
