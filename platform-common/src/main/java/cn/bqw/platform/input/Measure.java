package cn.bqw.platform.input;

import cn.bqw.platform.api.Numbers;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/** A number a client sends: within {@link Numbers#problem}'s magnitude and decimal places. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Measure.Check.class)
public @interface Measure {

    String message() default "must be between -10^15 and 10^15 with at most 6 decimal places";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Measure, BigDecimal> {
        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return Numbers.problem(value)
                    .map(reason -> {
                        context.disableDefaultConstraintViolation();
                        context.buildConstraintViolationWithTemplate(reason).addConstraintViolation();
                        return false;
                    })
                    .orElse(true);
        }
    }
}
