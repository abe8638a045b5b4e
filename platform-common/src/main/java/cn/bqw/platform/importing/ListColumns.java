package cn.bqw.platform.importing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** On a {@link RowReader} parameter: the CSV columns whose cells hold {@code |}-separated lists. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ListColumns {
    String[] value();
}
