package io.lojal.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

/** Real RS256 tokens signed with the committed dev key, and tokens that are wrong in exactly one way. */
public final class Tokens {

    private static final PrivateKey DEV_KEY = load();

    private Tokens() {
    }

    public static String admin() {
        return of("admin", "admin-test");
    }

    public static String merchant() {
        return of("merchant", "merchant-test");
    }

    public static String member(String externalId) {
        return of("member", externalId);
    }

    public static String of(String role, String subject) {
        return claims(role, subject).sign(DEV_KEY);
    }

    public static String expired(String role) {
        return claims(role, role + "-test").issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign(DEV_KEY);
    }

    public static String wrongIssuer(String role) {
        return claims(role, role + "-test").issuer("someone-else").sign(DEV_KEY);
    }

    public static String signedByAnotherKey(String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(role, role + "-test").sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token whose payload was altered after signing (its role raised to admin). */
    public static String tampered(String role) {
        String[] parts = of(role, role + "-test").split("\\.");
        String forged = of("admin", role + "-test").split("\\.")[1];
        return parts[0] + "." + forged + "." + parts[2];
    }

    private static JwtClaimsBuilder claims(String role, String subject) {
        return Jwt.issuer("lojal-dev").subject(subject).upn(subject).groups(Set.of(role))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600));
    }

    private static PrivateKey load() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of("config/dev-keys/privateKey.pem")));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the dev key pair", e);
        }
    }
}
