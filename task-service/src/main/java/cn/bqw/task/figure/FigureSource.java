package cn.bqw.task.figure;

import cn.bqw.task.task.TaskView.IndicatorFigure;
import java.util.Map;

/** Where indicator-linked tasks' figures come from: a region's figure of each indicator in a year. */
@FunctionalInterface
public interface FigureSource {

    /** The region's figures in {@code year} by indicator code; an indicator without a value is absent. */
    Map<String, IndicatorFigure> figures(String region, int year);
}
