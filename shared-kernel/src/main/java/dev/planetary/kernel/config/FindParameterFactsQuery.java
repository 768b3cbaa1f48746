package dev.planetary.kernel.config;

import dev.planetary.kernel.target.TargetId;

/**
 * A server parameter's facts ({@link ParameterFacts}), read when a change to it is proposed; the answer
 * is empty when the server has no parameter of that name.
 */
public record FindParameterFactsQuery(TargetId target, String parameter) {
}
