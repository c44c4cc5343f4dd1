package lu.kulturpass.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/**
 * Checks what a page shows a person against its language: no code (upper case with underscores, like ALREADY_ADMITTED)
 * and, in a page that is not in English, no sentence of the English catalogue where the page's language says it
 * differently. The page's own catalogue (window.KULTURPASS_WORDS, served by /words.js) gives both languages' words.
 */
public final class PageLanguage {

    private static final String FIND = """
            const lang = document.documentElement.lang;
            const text = document.body.innerText;
            const found = [];
            for (const code of text.match(/\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b/g) || []) found.push('a code: ' + code);
            const all = window.KULTURPASS_WORDS || {};
            if (lang !== 'en' && all.en && all[lang]) {
              const flat = (words, prefix, out) => {
                for (const [key, word] of Object.entries(words)) {
                  if (typeof word === 'string') out[prefix + key] = word; else flat(word, prefix + key + '.', out);
                }
                return out;
              };
              const english = flat(all.en, '', {});
              const own = flat(all[lang], '', {});
              for (const [key, word] of Object.entries(english)) {
                if (own[key] === word) continue;
                const longest = word.split(/\\{\\d+\\}/).map((part) => part.trim()).sort((a, b) => b.length - a.length)[0];
                if (longest.length >= 12 && longest.includes(' ') && text.includes(longest)) found.push('English (' + key + '): ' + longest);
              }
            }
            return found;
            """;

    private PageLanguage() {
    }

    /** Fails, naming each, when the visible page shows codes or English sentences in a page that is not in English. */
    public static void assertSpeaksItsLanguage(HeadlessChromium browser) {
        List<String> found = browser.script(FIND);
        if (!found.isEmpty()) {
            fail("The page in '" + browser.script("return document.documentElement.lang") + "' shows:\n" + String.join("\n", found));
        }
    }
}
