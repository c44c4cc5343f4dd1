package lu.kulturpass.platform.words;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import lu.kulturpass.platform.account.AccountsWords;
import lu.kulturpass.platform.problem.ProblemWords;
import lu.kulturpass.platform.programme.ProgrammeWords;

/** Every catalogue of words of this service: the platform's (the session, the programme's vocabulary, problems, staff accounts), then the service's own ({@link WordBundles}). */
@ApplicationScoped
public class Catalogue {

    /** The platform's catalogues, which every service serves beside its own. */
    public static final List<Class<?>> PLATFORM = List.of(PlatformWords.class, ProgrammeWords.class, ProblemWords.class, AccountsWords.class);

    private final List<Class<?>> bundles;

    public Catalogue(Instance<WordBundles> services) {
        List<Class<?>> all = new ArrayList<>(PLATFORM);
        services.forEach(service -> all.addAll(service.bundles()));
        this.bundles = List.copyOf(all);
    }

    public List<Class<?>> bundles() {
        return bundles;
    }
}
