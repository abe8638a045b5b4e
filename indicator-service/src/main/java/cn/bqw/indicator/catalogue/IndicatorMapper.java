package cn.bqw.indicator.catalogue;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class IndicatorMapper {

    public IndicatorView toView(Indicator indicator) {
        return new IndicatorView(
                indicator.code,
                indicator.nameZh,
                indicator.nameEn,
                indicator.campaign,
                indicator.unit,
                indicator.aggregation,
                indicator.overTime,
                indicator.direction,
                indicator.reportedAt,
                indicator.frequency,
                indicator.validMin,
                indicator.validMax,
                indicator.description,
                indicator.outliers,
                indicator.version);
    }

    public void apply(IndicatorRequest request, Indicator indicator) {
        indicator.nameZh = request.nameZh();
        indicator.nameEn = request.nameEn();
        indicator.campaign = request.campaign();
        indicator.unit = request.unit();
        indicator.aggregation = request.aggregation();
        indicator.overTime = request.overTime();
        indicator.direction = request.direction();
        indicator.reportedAt = request.reportedAt();
        indicator.frequency = request.frequency();
        indicator.validMin = request.validMin();
        indicator.validMax = request.validMax();
        indicator.description = request.description();
        indicator.outliers = request.outliers() == null ? OutlierPolicy.FLAG : request.outliers();
    }
}
