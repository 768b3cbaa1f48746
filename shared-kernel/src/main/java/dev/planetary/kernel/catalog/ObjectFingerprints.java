package dev.planetary.kernel.catalog;

import java.util.Map;

/**
 * Fingerprints keyed by {@code KIND:name} (e.g. {@code TABLE:app.invoice}); an object that does
 * not exist has no entry.
 */
public record ObjectFingerprints(Map<String, String> byObject) {
}
