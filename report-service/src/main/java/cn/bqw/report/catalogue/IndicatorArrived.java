package cn.bqw.report.catalogue;

/**
 * Fired (synchronously, in the catalogue event's transaction) when an indicator is first known:
 * observations may arrive before their indicator (another topic), and their facts wait for it.
 */
public record IndicatorArrived(IndicatorDef indicator) {}
