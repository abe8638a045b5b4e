package cn.bqw.platform.persistence;

import org.mapstruct.MapperConfig;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/**
 * How every service's MapStruct mappers turn entities into API records: CDI beans, and a build
 * that fails when a record's component is left unmapped. A method that applies a request to an
 * entity turns the check around ({@code @BeanMapping(unmappedTargetPolicy = IGNORE,
 * unmappedSourcePolicy = ERROR)}): every field of the request must land on the entity, while the
 * entity keeps what the request does not carry (its code, version, timestamps).
 */
@MapperConfig(
        componentModel = MappingConstants.ComponentModel.JAKARTA_CDI,
        unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface EntityMapping {}
