package org.jkeepalived.checker.http.internal;

import java.util.Set;

import org.jkeepalived.checker.api.CheckerDefinition;
import org.jkeepalived.checker.api.CheckerFactory;
import org.jkeepalived.checker.api.ConfigBlock;
import org.jkeepalived.checker.api.Diagnostics;

/** What HTTP_GET and SSL_GET share: their keywords and how their blocks bind. */
abstract class HttpCheckerFactory implements CheckerFactory {

    private final String keyword;
    private final boolean tls;

    HttpCheckerFactory(String keyword, boolean tls) {
        this.keyword = keyword;
        this.tls = tls;
    }

    @Override
    public final String keyword() {
        return keyword;
    }

    @Override
    public final Set<String> subKeywords() {
        return HttpCheckBinder.KEYWORDS;
    }

    @Override
    public final CheckerDefinition bind(ConfigBlock block, Diagnostics diagnostics) {
        return HttpCheckBinder.bind(block, tls, diagnostics);
    }
}
