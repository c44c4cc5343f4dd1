package lu.kulturpass.platform.account;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** For a service that has not said which partners it knows: none (account management then refuses every partner, 403). */
@ApplicationScoped
@DefaultBean
public class UnknownAccountPartners implements AccountPartners {

    @Override
    public boolean holds(String role, String partnerId) {
        return false;
    }
}
