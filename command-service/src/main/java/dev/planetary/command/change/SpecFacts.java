package dev.planetary.command.change;

import dev.planetary.kernel.catalog.FindCommentQuery;
import dev.planetary.kernel.catalog.FindIndexFactsQuery;
import dev.planetary.kernel.catalog.FindStorageFactsQuery;
import dev.planetary.kernel.catalog.FindTableFactsQuery;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.ChangeStatus;
import dev.planetary.kernel.change.query.ChangeView;
import dev.planetary.kernel.change.query.FindChangeQuery;
import dev.planetary.kernel.config.FindParameterFactsQuery;
import dev.planetary.kernel.config.FindSessionDefaultFactsQuery;
import dev.planetary.kernel.config.ParameterFacts;
import dev.planetary.kernel.config.SessionDefaultFacts;
import dev.planetary.kernel.ddl.CommentOn;
import dev.planetary.kernel.jobs.FindJobFactsQuery;
import dev.planetary.kernel.jobs.JobFacts;
import dev.planetary.kernel.replication.FindForeignServerFactsQuery;
import dev.planetary.kernel.replication.FindPublicationFactsQuery;
import dev.planetary.kernel.replication.FindSlotFactsQuery;
import dev.planetary.kernel.replication.ForeignServerFacts;
import dev.planetary.kernel.replication.PublicationFacts;
import dev.planetary.kernel.replication.SlotFacts;
import dev.planetary.kernel.spec.ChangeKinds;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.IndexFacts;
import dev.planetary.kernel.spec.PreviousComment;
import dev.planetary.kernel.spec.ProposalFacts;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.spec.StorageFacts;
import dev.planetary.kernel.spec.TableFacts;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Fills in what a spec reads from the world before it is recorded (whatever a client sent is
 * replaced): each kind says what it reads in {@link ChangeKinds}; this answers from the query side.
 */
@Component
public class SpecFacts {

    private final QueryGateway queries;

    public SpecFacts(QueryGateway queries) {
        this.queries = queries;
    }

    /** The spec completed with what the given target's catalog says. */
    public ChangeSpec complete(TargetId target, ChangeSpec spec) {
        return ChangeKinds.complete(spec, on(target));
    }

    /** The facts of one target's catalog. */
    public ProposalFacts on(TargetId target) {
        return new OnTarget(target);
    }

    /** The facts of one target: every question goes to that target's catalog. */
    private final class OnTarget implements ProposalFacts {

        private final TargetId target;

        private OnTarget(TargetId target) {
            this.target = target;
        }

        @Override
        public TableFacts table(QualifiedName table, String field) {
            Optional<TableFacts> facts = queries.query(new FindTableFactsQuery(target, table),
                    ResponseTypes.optionalInstanceOf(TableFacts.class)).join();
            return facts.orElseThrow(() -> new SpecViolation(field, "there is no table " + table.display()));
        }

        @Override
        public StorageFacts storage(QualifiedName table, String field) {
            Optional<StorageFacts> facts = queries.query(new FindStorageFactsQuery(target, table),
                    ResponseTypes.optionalInstanceOf(StorageFacts.class)).join();
            return facts.orElseThrow(() -> new SpecViolation(field, "there is no table " + table.display()));
        }

        @Override
        public ParameterFacts parameter(String name, String field) {
            Optional<ParameterFacts> facts = queries.query(new FindParameterFactsQuery(target, name),
                    ResponseTypes.optionalInstanceOf(ParameterFacts.class)).join();
            return facts.orElseThrow(() -> new SpecViolation(field, "the server has no parameter " + name));
        }

        @Override
        public SessionDefaultFacts sessionDefault(Identifier role, Identifier database, String parameter, String field) {
            Optional<SessionDefaultFacts> facts = queries.query(new FindSessionDefaultFactsQuery(target, role == null ? null : role.name(),
                    database == null ? null : database.name(), parameter), ResponseTypes.optionalInstanceOf(SessionDefaultFacts.class)).join();
            return facts.orElseThrow(() -> new SpecViolation(field, "the server has no parameter " + parameter));
        }

        @Override
        public JobFacts job(String name, String field) {
            return queries.query(new FindJobFactsQuery(target, name), JobFacts.class).join();
        }

        @Override
        public PublicationFacts publication(Identifier name, List<QualifiedName> tables, String field) {
            return queries.query(new FindPublicationFactsQuery(target, name.name(), tables), PublicationFacts.class).join();
        }

        @Override
        public ForeignServerFacts foreignServer(Identifier server, String field) {
            return queries.query(new FindForeignServerFactsQuery(target, server.name()), ForeignServerFacts.class).join();
        }

        @Override
        public SlotFacts slot(String name, String field) {
            return queries.query(new FindSlotFactsQuery(target, name), SlotFacts.class).join();
        }

        @Override
        public IndexFacts index(QualifiedName index, String field) {
            Optional<IndexFacts> facts = queries.query(new FindIndexFactsQuery(target, index),
                    ResponseTypes.optionalInstanceOf(IndexFacts.class)).join();
            return facts.orElseThrow(() -> new SpecViolation(field, "there is no index " + index.display()));
        }

        @Override
        public PreviousComment comment(CommentOn.Target target, QualifiedName object, Identifier name, List<TypeName> argumentTypes,
                                       String field) {
            Optional<PreviousComment> comment = queries.query(new FindCommentQuery(this.target, target, object, name, argumentTypes),
                    ResponseTypes.optionalInstanceOf(PreviousComment.class)).join();
            return comment.orElseThrow(() -> new SpecViolation(field, "there is no " + described(target, object, name, argumentTypes)));
        }

        private static String described(CommentOn.Target target, QualifiedName object, Identifier name, List<TypeName> argumentTypes) {
            String kind = target.name().toLowerCase();
            return switch (target) {
                case TABLE, VIEW -> kind + " " + object.display();
                case COLUMN, POLICY, TRIGGER -> kind + " " + name.name() + " on " + object.display();
                case FUNCTION -> "function " + object.display() + "(" + String.join(", ", argumentTypes.stream().map(TypeName::name).toList()) + ")";
                case ROLE, SCHEMA -> kind + " " + name.name();
            };
        }

        @Override
        public TargetId target() {
            return target;
        }

        @Override
        public ChangeSpec appliedSpec(String changeId, String field) {
            ChangeView change;
            try {
                change = queries.query(new FindChangeQuery(ChangeId.of(changeId)), ChangeView.class).join();
            } catch (CompletionException | IllegalArgumentException e) {
                throw new SpecViolation(field, "there is no change " + changeId);
            }
            if (change == null) {
                throw new SpecViolation(field, "there is no change " + changeId);
            }
            if (!change.target().equals(target)) {
                throw new SpecViolation(field, "change " + changeId + " belongs to target " + change.target()
                        + ", not to " + target + ": undo it there, or promote it here");
            }
            if (change.status() != ChangeStatus.APPLIED) {
                throw new SpecViolation(field, "change " + changeId + " is " + change.status().name().toLowerCase()
                        + ", not applied: there is nothing to undo");
            }
            return change.spec();
        }
    }
}
