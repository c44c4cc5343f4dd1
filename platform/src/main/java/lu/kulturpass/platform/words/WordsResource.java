package lu.kulturpass.platform.words;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The words of this service's pages in every language, as a script the pages load before their own
 * ({@code <script src="/words.js">}): {@code window.KULTURPASS_WORDS = {fr: {…}, de: {…}, en: {…}, lb: {…}}}. The pages
 * hold no translations of their own; a word is changed in the catalogue and every page and answer says it the same way.
 */
@Path("/words.js")
public class WordsResource {

    private final Catalogue catalogue;
    private final ObjectMapper json;
    private volatile String script;

    public WordsResource(Catalogue catalogue, ObjectMapper json) {
        this.catalogue = catalogue;
        this.json = json;
    }

    @GET
    @PermitAll
    @Produces("text/javascript")
    @Operation(summary = "The pages' words in French, German, English and Luxembourgish, as a script")
    public Response script() throws JsonProcessingException {
        if (script == null) {
            script = "window.KULTURPASS_WORDS = " + json.writeValueAsString(words()) + ";\n";
        }
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        return Response.ok(script).cacheControl(cache).build();
    }

    /** Every language's words, the bundles' words side by side: a word named twice is a mistake the catalogue test finds. */
    Map<String, Map<String, Object>> words() {
        Map<String, Map<String, Object>> byLanguage = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            Map<String, Object> words = new LinkedHashMap<>();
            for (Class<?> bundle : catalogue.bundles()) {
                Words.forPage(bundle, language).forEach((key, text) -> {
                    if (words.putIfAbsent(key, text) != null) {
                        throw new IllegalStateException("the word '" + key + "' is in two catalogues; " + bundle.getSimpleName()
                                + " must name it differently");
                    }
                });
            }
            byLanguage.put(language.code(), words);
        }
        return byLanguage;
    }
}
