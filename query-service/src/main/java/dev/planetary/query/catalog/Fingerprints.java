package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable hash of an object's definition and privileges. Statistics (row estimate, sizes, index
 * scans) are left out: they move without anyone changing the object.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    static Catalog.TableDetail withFingerprint(Catalog.TableDetail detail) {
        Catalog.Table t = detail.table();
        StringBuilder canonical = new StringBuilder()
                .append(new Catalog.Table(t.oid(), t.schema(), t.name(), t.kind(), t.owner(), t.rlsEnabled(), t.rlsForced(),
                        0, 0, t.comment()))
                .append(detail.columns())
                .append(detail.constraints())
                .append(detail.indexes().stream().map(i -> new Catalog.Index(i.oid(), i.tableOid(), i.schema(), i.table(),
                        i.name(), i.method(), i.keys(), i.predicate(), i.unique(), i.primary(), i.valid(), i.ready(), 0, 0,
                        false, i.definition())).toList())
                .append(detail.policies())
                .append(detail.triggers())
                .append(detail.privileges());
        return new Catalog.TableDetail(t, detail.columns(), detail.constraints(), detail.indexes(), detail.policies(),
                detail.triggers(), detail.privileges(), detail.dependentViews(), hash(canonical.toString()));
    }

    static String hash(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
