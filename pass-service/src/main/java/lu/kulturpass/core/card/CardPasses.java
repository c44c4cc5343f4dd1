package lu.kulturpass.core.card;

import lu.kulturpass.core.pass.PassWords;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lu.kulturpass.core.partner.PartnerScope;
import lu.kulturpass.core.pass.Pass;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.words.Words;

/** Passes as the caller may print them: their own agency's, or any for programme staff. */
@RequestScoped
public class CardPasses {

    private final Caller caller;
    private final PartnerScope scope;
    private final CardRenderer renderer;

    public CardPasses(Caller caller, PartnerScope scope, CardRenderer renderer) {
        this.caller = caller;
        this.scope = scope;
        this.renderer = renderer;
    }

    /** The pass: 403 if the caller's organisation is unknown, 404 if the pass is, 403 if another agency's. Call inside a transaction. */
    Pass visible(long id) {
        return visible(id, ProblemException.notFound(Words.of(PassWords.class).passNotFound(String.valueOf(id))));
    }

    /** A pass named in a request body: a 400 naming the field if unknown, 403 if another agency's. */
    Pass listed(long id, String field) {
        return visible(id, ProblemException.badRequest(Words.of(CardWords.class).cardNoSuchPass(field, String.valueOf(id))));
    }

    /**
     * The passes named in a request body's list (one query), in its order: a 400 naming the first
     * unknown one ({@code field}[i].passId), 403 if one is another agency's.
     */
    List<Pass> listed(List<Long> ids, String field) {
        scope.requireKnown();
        Map<Long, Pass> found = new HashMap<>();
        Pass.<Pass>list("id in ?1", ids.stream().distinct().toList()).forEach(pass -> found.put(pass.id, pass));
        List<Pass> passes = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Pass pass = found.get(ids.get(i));
            if (pass == null) {
                throw ProblemException.badRequest(Words.of(CardWords.class).cardNoSuchPass(field + "[" + i + "].passId", String.valueOf(ids.get(i))));
            }
            caller.requirePartner(pass.agencyId, "passes");
            passes.add(pass);
        }
        return passes;
    }

    private Pass visible(long id, ProblemException unknown) {
        scope.requireKnown();
        Pass pass = Pass.findById(id);
        if (pass == null) {
            throw unknown;
        }
        caller.requirePartner(pass.agencyId, "passes");
        return pass;
    }

    /** The pass's token for its QR code: a 410 once it was removed (holder erased, or the pass ended long ago). */
    static String token(Pass pass) {
        if (pass.token == null) {
            CardWords words = Words.of(CardWords.class);
            PassWords passWords = Words.of(PassWords.class);
            throw new ProblemException(410, words.cardTokenRemovedTitle(), words.cardTokenRemoved(pass.number,
                    Pass.HOLDER_ERASED.equals(pass.tokenRemovedBecause) ? passWords.tokenGoneErased() : passWords.tokenGoneRetention()));
        }
        return pass.token;
    }

    /** A card is printed only for a pass that admits: a 409 saying why not, and what to print instead. */
    static void requireValid(Pass pass) {
        if (!pass.status.admits()) {
            CardWords words = Words.of(CardWords.class);
            String status = CardText.status(pass.status);
            throw ProblemException.conflict(pass.replacedByPassId == null ? words.cardPassNotValid(pass.number, status)
                    : words.cardPassReplaced(pass.number, status, String.valueOf(pass.replacedByPassId)));
        }
    }

    /** The card content for a pass and the name the agency gives; a 400 if the name cannot be printed. */
    CardContent content(Pass pass, String holderName, String field) {
        requireValid(pass);
        String name = holderName == null ? "" : holderName.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw ProblemException.badRequest(Words.of(CardWords.class).cardHolderNameLength(field));
        }
        renderer.unprintable(name).ifPresent(c -> {
            throw ProblemException.badRequest(Words.of(CardWords.class).cardHolderNameUnprintable(field, String.format("%04X", c)));
        });
        return CardContent.of(pass, name);
    }
}
