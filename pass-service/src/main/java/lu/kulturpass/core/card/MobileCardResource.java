package lu.kulturpass.core.card;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import lu.kulturpass.core.pass.Pass;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.platform.words.Words;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The card a beneficiary shows on a phone, opened by the secret in their link (no account, no
 * sign-in). The page holds no name: a name in the link's fragment is filled in by the browser.
 */
@Path(MobileCardResource.PATH)
public class MobileCardResource {

    static final String PATH = "/cards/m";

    private static final String HEADERS_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
            + "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Template page;
    private final QrCodes qrCodes;
    private final CardConfig config;

    public MobileCardResource(@Location("card/mobile.html") Template page, QrCodes qrCodes, CardConfig config) {
        this.page = page;
        this.qrCodes = qrCodes;
        this.config = config;
    }

    @GET
    @Path("/{secret}")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The mobile card page, opened by the secret of the link the agency sent (public)")
    @Transactional
    public Response show(@PathParam("secret") String secret, @QueryParam("lang") String lang,
                         @Context HttpHeaders headers) {
        CardWords words = Words.of(CardWords.class);
        CardLink link = CardLink.opened(secret).orElseThrow(() -> ProblemException.notFound(words.cardLinkInvalid()));
        Pass pass = Pass.findById(link.passId);
        if (!pass.status.admits() || pass.token == null) {
            throw new ProblemException(410, words.cardNoLongerValidTitle(), words.cardNoLongerValid());
        }
        CardText language = Language.byCode(lang).map(CardText::in)
                .orElseGet(() -> CardText.choose(null, headers.getAcceptableLanguages()));
        String html = page.instance()
                .setLocale(language.language().locale())
                .data("programme", config.programmeName())
                .data("lang", language.code())
                .data("languages", Arrays.stream(Language.values()).map(Language::code).toList())
                .data("number", pass.number)
                .data("validity", language.validity(pass.validFrom, pass.validUntil))
                .data("category", language.category(pass.category, pass.groupSize).orElse(null))
                .data("qr", qrCodes.svg(pass.token))
                .render();
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "private, no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("Content-Security-Policy", HEADERS_CSP)
                .build();
    }
}
