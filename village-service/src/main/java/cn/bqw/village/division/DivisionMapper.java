package cn.bqw.village.division;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DivisionMapper {

    public DivisionView toView(Division division) {
        return new DivisionView(
                division.code,
                division.level,
                division.parentCode,
                division.nameZh,
                division.nameEn,
                division.countyClass,
                division.urbanDistrict,
                division.population,
                division.version);
    }

    public void apply(DivisionRequest request, Division division) {
        division.nameZh = request.nameZh();
        division.nameEn = request.nameEn();
        division.countyClass = request.countyClass();
        division.urbanDistrict = Boolean.TRUE.equals(request.urbanDistrict());
        division.population = request.population();
    }
}
