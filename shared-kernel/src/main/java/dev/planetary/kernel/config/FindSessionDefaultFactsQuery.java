package dev.planetary.kernel.config;

import dev.planetary.kernel.target.TargetId;

/**
 * The facts of a per-role or per-database default ({@link SessionDefaultFacts}): {@code role} null for a
 * database's own default (with {@code database} null too: the target's own database), {@code database} null
 * for a role's default in every database. The answer is empty when the server has no parameter of that name.
 */
public record FindSessionDefaultFactsQuery(TargetId target, String role, String database, String parameter) {
}
