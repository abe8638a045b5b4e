package cn.bqw.village.division;

import cn.bqw.platform.persistence.EntityMapping;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.ReportingPolicy;

@Mapper(config = EntityMapping.class)
public interface DivisionMapper {

    DivisionView toView(Division division);

    /** The code is the division's identity, set once when it is registered. */
    @BeanMapping(
            unmappedTargetPolicy = ReportingPolicy.IGNORE,
            unmappedSourcePolicy = ReportingPolicy.ERROR,
            ignoreUnmappedSourceProperties = "code")
    @Mapping(target = "code", ignore = true)
    @Mapping(target = "urbanDistrict", defaultValue = "false")
    void apply(DivisionRequest request, @MappingTarget Division division);
}
