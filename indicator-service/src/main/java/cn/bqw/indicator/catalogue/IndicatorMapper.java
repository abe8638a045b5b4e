package cn.bqw.indicator.catalogue;

import cn.bqw.platform.persistence.EntityMapping;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.ReportingPolicy;

@Mapper(config = EntityMapping.class)
public interface IndicatorMapper {

    IndicatorView toView(Indicator indicator);

    @BeanMapping(unmappedTargetPolicy = ReportingPolicy.IGNORE, unmappedSourcePolicy = ReportingPolicy.ERROR)
    @Mapping(target = "outliers", defaultValue = "FLAG")
    void apply(IndicatorRequest request, @MappingTarget Indicator indicator);
}
