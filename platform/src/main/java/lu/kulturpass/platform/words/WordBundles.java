package lu.kulturpass.platform.words;

import java.util.List;

/**
 * A service's catalogues of words (Qute message bundles, one interface per page or concern, each with a file per
 * {@link Language} under {@code messages/}): one CDI bean per service lists them, so that its pages are served their
 * words ({@code /words.js}) and the catalogue tests find them. The platform's own {@link PlatformWords} is always there.
 */
public interface WordBundles {

    List<Class<?>> bundles();
}
