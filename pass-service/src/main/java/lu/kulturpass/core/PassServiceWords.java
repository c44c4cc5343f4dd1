package lu.kulturpass.core;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import lu.kulturpass.core.audit.AuditWords;
import lu.kulturpass.core.card.CardWords;
import lu.kulturpass.core.partner.PartnerWords;
import lu.kulturpass.core.pass.PassWords;
import lu.kulturpass.core.statistics.StatisticsWords;
import lu.kulturpass.platform.words.WordBundles;

/** pass-service's catalogues of words: the audit page (with its exports and report), cards, passes, partners and statistics. */
@ApplicationScoped
public class PassServiceWords implements WordBundles {

    public static final List<Class<?>> BUNDLES = List.of(AuditWords.class, CardWords.class, PassWords.class, PartnerWords.class,
            StatisticsWords.class);

    @Override
    public List<Class<?>> bundles() {
        return BUNDLES;
    }
}
