package dev.planetary.query.compare;

import java.util.List;

/**
 * One object of one target in portable form: its definition as readable lines (names, not oids;
 * no statistics) and its grants as sorted lines, each with a SHA-256 so that two sides are told
 * equal or not without comparing the texts.
 */
record CanonicalObject(ObjectKey key, String definition, List<String> grants, String definitionHash, String grantsHash) {
}
