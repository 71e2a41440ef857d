package io.lojal.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start a production instance that has no key to verify tokens with: without one, every call would
 * be a 401 and the operator would learn it from the first customer, not from the deployment.
 */
public class VerificationKeyCheck {

    void onStart(@Observes StartupEvent event,
                 @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location,
                 @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key) {
        if (LaunchMode.current() == LaunchMode.NORMAL && location.isEmpty() && key.isEmpty()) {
            throw new IllegalStateException("No JWT verification key configured: set MP_JWT_VERIFY_PUBLICKEY_LOCATION "
                    + "(or MP_JWT_VERIFY_PUBLICKEY) to the issuer's public key.");
        }
    }
}
