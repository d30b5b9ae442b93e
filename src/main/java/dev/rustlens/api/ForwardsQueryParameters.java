package dev.rustlens.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint that hands its query on to another (a redirect keeping the filters), which judges
 * the parameters itself: {@link UnknownQueryParameters} leaves it alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ForwardsQueryParameters {
}
