package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.query.identity.TargetAccess;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;

/** The catalog of one target ({@code ?target=}, the default one when none is named), metadata only, for anyone with a Planetary right. */
@RestController
@RequestMapping("/api/catalog")
@PreAuthorize("hasAnyRole('VIEWER', 'REQUESTER', 'REVIEWER', 'OPERATOR')")
public class CatalogController {

    private final Introspectors introspectors;
    private final ClaimsReader claims;
    private final TargetAccess access;

    public CatalogController(Introspectors introspectors, ClaimsReader claims, TargetAccess access) {
        this.introspectors = introspectors;
        this.claims = claims;
        this.access = access;
    }

    @GetMapping("/snapshot")
    public Catalog.Snapshot snapshot(@RequestParam(required = false) String target) {
        return on(target).snapshot();
    }

    @GetMapping("/schemas")
    public List<Catalog.Schema> schemas(@RequestParam(required = false) String target) {
        return on(target).relations().schemas(CatalogScope.ALL);
    }

    @GetMapping("/tables")
    public List<Catalog.Table> tables(@RequestParam(required = false) String schema,
                                      @RequestParam(required = false) String target) {
        return on(target).relations().tables(scope(schema));
    }

    @GetMapping("/tables/{schema}/{name}")
    public Catalog.TableDetail table(@PathVariable String schema, @PathVariable String name,
                                     @RequestParam(required = false) String target) {
        return on(target).table(schema, name).orElseThrow(() -> notFound("table " + schema + "." + name));
    }

    /** What DROP TABLE ... CASCADE (or DROP VIEW) would also remove. */
    @GetMapping("/relations/{schema}/{name}/dependents")
    public List<Catalog.Dependent> relationDependents(@PathVariable String schema, @PathVariable String name,
                                                      @RequestParam(required = false) String target) {
        Introspector introspector = on(target);
        long oid = introspector.relationOid(schema, name).orElseThrow(() -> notFound("relation " + schema + "." + name));
        return introspector.dropCascade("pg_class", oid);
    }

    @GetMapping("/functions/{oid}/dependents")
    public List<Catalog.Dependent> functionDependents(@PathVariable long oid,
                                                      @RequestParam(required = false) String target) {
        return on(target).dropCascade("pg_proc", oid);
    }

    @GetMapping("/columns")
    public List<Catalog.Column> columns(@RequestParam(required = false) String schema,
                                        @RequestParam(required = false) String target) {
        return on(target).relations().columns(scope(schema));
    }

    @GetMapping("/constraints")
    public List<Catalog.Constraint> constraints(@RequestParam(required = false) String schema,
                                                @RequestParam(required = false) String target) {
        return on(target).relations().constraints(scope(schema));
    }

    @GetMapping("/indexes")
    public List<Catalog.Index> indexes(@RequestParam(required = false) String schema,
                                       @RequestParam(required = false) String target) {
        return on(target).relations().indexes(scope(schema));
    }

    @GetMapping("/views")
    public List<Catalog.View> views(@RequestParam(required = false) String schema,
                                    @RequestParam(required = false) String target) {
        return on(target).relations().views(scope(schema));
    }

    @GetMapping("/dependencies")
    public List<Catalog.Dependency> dependencies(@RequestParam(required = false) String schema,
                                                 @RequestParam(required = false) String target) {
        return on(target).relations().dependencies(scope(schema));
    }

    @GetMapping("/functions")
    public List<Catalog.Function> functions(@RequestParam(required = false) String schema,
                                            @RequestParam(required = false) String target) {
        return on(target).routines().functions(scope(schema));
    }

    @GetMapping("/triggers")
    public List<Catalog.Trigger> triggers(@RequestParam(required = false) String schema,
                                          @RequestParam(required = false) String target) {
        return on(target).routines().triggers(scope(schema));
    }

    @GetMapping("/event-triggers")
    public List<Catalog.EventTrigger> eventTriggers(@RequestParam(required = false) String target) {
        return on(target).routines().eventTriggers();
    }

    @GetMapping("/policies")
    public List<Catalog.Policy> policies(@RequestParam(required = false) String schema,
                                         @RequestParam(required = false) String target) {
        return on(target).routines().policies(scope(schema));
    }

    /** The claims row policies read (custom settings, JWT claims), with the policies that read them. */
    @GetMapping("/claims")
    public List<dev.planetary.kernel.policy.ClaimUse> claims(@RequestParam(required = false) String target) {
        return claims.claims(access.readable(TargetParameter.parse(target)));
    }

    @GetMapping("/roles")
    public Map<String, Object> roles(@RequestParam(required = false) String target) {
        Introspector introspector = on(target);
        return Map.of("roles", introspector.access().roles(), "memberships", introspector.access().memberships());
    }

    /** The role × object × privilege matrix, narrowed by grantee and/or schema. */
    @GetMapping("/privileges")
    public List<Catalog.Privilege> privileges(@RequestParam(required = false) String schema,
                                              @RequestParam(required = false) String grantee,
                                                            @RequestParam(required = false) String target) {
        return on(target).access().privileges(scope(schema).grantee(grantee));
    }

    @GetMapping("/default-privileges")
    public List<Catalog.DefaultPrivilege> defaultPrivileges(@RequestParam(required = false) String target) {
        return on(target).access().defaultPrivileges();
    }

    @GetMapping("/types")
    public List<Catalog.Type> types(@RequestParam(required = false) String schema,
                                    @RequestParam(required = false) String target) {
        return on(target).types().types(scope(schema));
    }

    @GetMapping("/sequences")
    public List<Catalog.Sequence> sequences(@RequestParam(required = false) String schema,
                                            @RequestParam(required = false) String target) {
        return on(target).types().sequences(scope(schema));
    }

    @GetMapping("/extensions")
    public List<Catalog.Extension> extensions(@RequestParam(required = false) String target) {
        return on(target).types().extensions();
    }

    @GetMapping("/foreign-data")
    public Map<String, Object> foreignData(@RequestParam(required = false) String target) {
        Introspector introspector = on(target);
        ExternalIntrospection.ForeignData data = introspector.external().foreignData();
        return Map.of("wrappers", data.wrappers(), "servers", data.servers(), "tables", data.tables(),
                "userMappings", introspector.external().userMappings());
    }

    @GetMapping("/replication")
    public Map<String, Object> replication(@RequestParam(required = false) String target) {
        Introspector introspector = on(target);
        return Map.of("publications", introspector.external().publications(),
                "subscriptions", introspector.external().subscriptions(),
                "slots", introspector.external().replicationSlots());
    }

    private Introspector on(String target) {
        return introspectors.of(access.readable(TargetParameter.parse(target)));
    }

    private static CatalogScope scope(String schema) {
        if (schema != null && schema.isBlank()) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "schema cannot be blank", "schema");
        }
        return schema == null ? CatalogScope.ALL : CatalogScope.schema(schema);
    }

    private static ResponseStatusException notFound(String what) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + what);
    }
}
