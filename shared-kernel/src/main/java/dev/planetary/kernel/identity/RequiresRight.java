package dev.planetary.kernel.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A message only people may send: the command and query buses check, for whoever sends it, that
 * someone is signed in and holds one of these rights (none listed: any Planetary right; with
 * {@link #signedIn()}, being signed in is enough), and that the component marked {@link ActsFor}
 * names the signed-in person. A screen that hides a button or a page is never the only check.
 * Messages Planetary sends itself (dry-run outcomes, apply steps, the facts and the change it reads
 * back) carry no such mark.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequiresRight {

    PlanetaryRight[] value() default {};

    /** Being signed in is enough, with or without a Planetary right (one's own profile). */
    boolean signedIn() default false;

    /**
     * The right counts on the home target, whatever target the message names: it is about
     * Planetary's own configuration (registering a target), not about the target's database.
     */
    boolean onHome() default false;
}
