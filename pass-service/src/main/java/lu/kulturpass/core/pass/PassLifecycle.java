package lu.kulturpass.core.pass;

import java.util.List;
import lu.kulturpass.platform.words.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import lu.kulturpass.core.key.SigningKeys;
import lu.kulturpass.events.PassTopic;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.token.PassClaims;

/**
 * Moves a pass through its lifecycle ({@link Transition}): checks the move is allowed, applies its
 * effect (a new token for a renewal, a new pass for a replacement), records who, why and when, adds
 * the revocation-list entry offline scanners need, and announces it through the outbox — in one
 * transaction, under a row lock so two clerks cannot move the same pass at once.
 */
@ApplicationScoped
public class PassLifecycle {

    private final PassIssuer issuer;
    private final SigningKeys keys;
    private final Outbox outbox;
    private final ProgrammeCalendar calendar;

    public PassLifecycle(PassIssuer issuer, SigningKeys keys, Outbox outbox, ProgrammeCalendar calendar) {
        this.issuer = issuer;
        this.keys = keys;
        this.outbox = outbox;
        this.calendar = calendar;
    }

    /** What came of a transition: the pass, and for a replacement the new pass. */
    public record Outcome(Pass pass, Pass replacement) {
    }

    @Transactional
    public Outcome apply(long passId, Transition transition, TransitionReason reason, String note, String actor,
                         Consumer<Pass> scopeCheck) {
        Pass pass = Pass.findById(passId, LockModeType.PESSIMISTIC_WRITE);
        if (pass == null) {
            throw ProblemException.notFound(Words.of(PassWords.class).passNotFound(String.valueOf(passId)));
        }
        scopeCheck.accept(pass);
        if (!transition.allowedFrom(pass.status)) {
            PassWords words = Words.of(PassWords.class);
            List<Transition> allowed = Transition.requestableFrom(pass.status);
            throw ProblemException.conflict(words.passMoveNotAllowed(words.passStatus(pass.status), words.passTransition(transition),
                    allowed.isEmpty() ? words.passNothingAllowed()
                            : String.join(", ", allowed.stream().map(words::passTransition).toList())));
        }
        if (pass.token == null && transition.issues()) {
            PassWords words = Words.of(PassWords.class);
            throw ProblemException.conflict(words.passTokenGone(pass.number, Pass.HOLDER_ERASED.equals(pass.tokenRemovedBecause)
                    ? words.tokenGoneErased() : words.tokenGoneRetention()));
        }
        PassStatus from = pass.status;
        Pass replacement = null;
        switch (transition) {
            case RENEW -> renew(pass);
            case REPLACE -> {
                replacement = issuer.issueReplacement(pass, keys.claimsOf(pass.token), actor);
                pass.replacedByPassId = replacement.id;
            }
            default -> { }
        }
        pass.status = transition.target();
        record(pass, transition, from, reason, note, actor);
        announce(pass, transition, from, reason, replacement);
        return new Outcome(pass, replacement);
    }

    private void renew(Pass pass) {
        PassClaims claims = keys.claimsOf(pass.token);
        LocalDate today = calendar.today();
        pass.validFrom = today;
        pass.validUntil = issuer.validUntil(today);
        pass.token = issuer.sign(pass, claims.initials(), claims.birthYear());
    }

    private void record(Pass pass, Transition transition, PassStatus from, TransitionReason reason, String note,
                               String actor) {
        OffsetDateTime now = calendar.nowUtc();
        PassTransitionRecord step = new PassTransitionRecord();
        step.passId = pass.id;
        step.transition = transition;
        step.fromStatus = from;
        step.toStatus = pass.status;
        step.reason = reason;
        step.note = note;
        step.actor = actor;
        step.at = now;
        step.persist();
        PassStatus standing = offlineStanding(transition);
        if (standing != null) {
            Revocation entry = new Revocation();
            entry.passId = pass.id;
            entry.standing = standing;
            entry.validUntil = pass.validUntil;
            entry.at = now;
            entry.persist();
        }
    }

    /** What offline scanners must learn: a token that stops (or starts again) to admit. */
    private static PassStatus offlineStanding(Transition transition) {
        return switch (transition) {
            case SUSPEND -> PassStatus.SUSPENDED;
            case REINSTATE -> PassStatus.ACTIVE;
            case REVOKE, REPLACE -> PassStatus.REVOKED;
            case RENEW, EXPIRE -> null;
        };
    }

    private void announce(Pass pass, Transition transition, PassStatus from, TransitionReason reason, Pass replacement) {
        outbox.record(PassTopic.TOPIC, String.valueOf(pass.id), PassTopic.StatusChanged.type(pastTense(transition)),
                PassTopic.StatusChanged.VERSION, new PassTopic.StatusChanged(pass.id, pass.agencyId, from.name(), pass.status.name(),
                        reason.name(), pass.validFrom, pass.validUntil, replacement == null ? null : replacement.id));
    }

    static String pastTense(Transition transition) {
        return switch (transition) {
            case SUSPEND -> "suspended";
            case REINSTATE -> "reinstated";
            case REVOKE -> "revoked";
            case REPLACE -> "replaced";
            case RENEW -> "renewed";
            case EXPIRE -> "expired";
        };
    }
}
