package lu.kulturpass.core;

import java.util.function.Supplier;
import lu.kulturpass.core.pass.PassWords;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.platform.words.Words;

/** The language a card or an export is written in: the one the request names (a 400 listing ours if we do not speak it), else another choice. */
public final class ChosenLanguage {

    private ChosenLanguage() {
    }

    public static Language of(String explicit, Supplier<Language> otherwise) {
        if (explicit == null || explicit.isBlank()) {
            return otherwise.get();
        }
        return Language.byCode(explicit).orElseThrow(() -> ProblemException.badRequest(
                Words.of(PassWords.class).languageUnknown(explicit.strip(), Language.codes())));
    }
}
