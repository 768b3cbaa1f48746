package dev.planetary.kernel.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record component holding the login a {@link RequiresRight} command acts for: the bus
 * refuses the command unless it is the signed-in person, so nobody proposes or approves in another's name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface ActsFor {
}
