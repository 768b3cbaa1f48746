package dev.planetary.kernel.spec.replication;

import dev.planetary.kernel.ddl.CreateServer;
import dev.planetary.kernel.ddl.Drop;
import dev.planetary.kernel.ddl.FdwOption;
import dev.planetary.kernel.ddl.UserMapping;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.replication.ForeignServerFacts;
import dev.planetary.kernel.replication.ForeignServerFacts.Mapping;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.SqlLiteral;

import java.util.List;

/**
 * Drops a foreign server and its user mappings. Refused, from {@code facts} read at proposal, when there is no such
 * server or foreign tables still use it (drop or move them first: nothing is dropped along unseen). The inverse creates
 * the server again with its options, and its user mappings with their remote users, unless a mapping holds a password
 * (never read) or keeps its options from the metadata login.
 */
public record DropForeignServerSpec(Identifier server, ForeignServerFacts facts) implements ChangeSpec {

    public static final String KIND = "drop-foreign-server";

    public DropForeignServerSpec {
        SpecViolation.required("server", server);
        if (facts != null && !facts.exists()) {
            throw new SpecViolation("server", "there is no foreign server " + server.name());
        }
        if (facts != null && facts.foreignTables() > 0) {
            throw new SpecViolation("server", facts.foreignTables() + (facts.foreignTables() == 1 ? " foreign table uses " : " foreign tables use ")
                    + server.name() + ": drop or move them first");
        }
    }

    public DropForeignServerSpec withFacts(ForeignServerFacts facts) {
        return new DropForeignServerSpec(server, SpecViolation.required("facts", facts));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        PlanBuilder plan = PlanBuilder.summarised("Drop foreign server " + server.name()
                        + (facts == null || facts.mappings().isEmpty() ? "" : " and its " + facts.mappings().size() + " user mapping(s)"))
                .changes(CatalogEffect.foreignServer(server))
                .touches(ObjectRef.foreignServer(server))
                .highRisk("whatever reads through the server (foreign tables made later, the audit trail) stops reaching it");
        List<Mapping> mappings = facts == null ? List.of() : facts.mappings();
        mappings.forEach(mapping -> plan.statement(new UserMapping(Grantee.of(mapping.role()), server).drop()));
        plan.statement(new Drop(Drop.Kind.SERVER, server.quoted(), false).sql());
        if (facts == null) {
            plan.noInverse("the server's definition is read from the catalog when the drop is proposed");
        } else if (!facts.restorable()) {
            plan.noInverse("a user mapping holds a password Planetary never reads (or keeps its options from it):"
                    + " create the server and its mappings again with their credentials");
        } else {
            plan.inverse(new CreateServer(server, facts.wrapper(), facts.options().stream().map(DropForeignServerSpec::option).toList()).sql());
            mappings.forEach(mapping -> plan.inverse(new UserMapping(Grantee.of(mapping.role()), server).create(mapping.remoteUser() == null
                    ? List.of() : List.of(new FdwOption("user", SqlLiteral.string(mapping.remoteUser()))))));
        }
        return plan.build();
    }

    /** {@code host=db.internal} as the catalog keeps it, back to an option. */
    private static FdwOption option(String keyValue) {
        int equals = keyValue.indexOf('=');
        return new FdwOption(keyValue.substring(0, equals), SqlLiteral.string(keyValue.substring(equals + 1)));
    }
}
