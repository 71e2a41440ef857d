package io.lojal.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers tokens that passed verification, keyed by the whole compact token (signature included), until they
 * expire. An app sends the same token on every call for its lifetime; verifying its RS256 signature and parsing its
 * JSON again each time cost a third of a balance read. A token that differs in one byte is a different key, so it is
 * verified afresh; a cached one is still refused once its {@code exp} has passed.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokens implements JWTParser {

    private final JWTParser parser;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    VerifiedTokens(@Delegate JWTParser parser,
                   @ConfigProperty(name = "lojal.security.verified-tokens", defaultValue = "10000") long size) {
        this.parser = parser;
        this.verified = Caffeine.newBuilder().maximumSize(size).expireAfter(new UntilExpiry()).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken cached = verified.getIfPresent(token);
        if (cached != null && Instant.now().getEpochSecond() < cached.getExpirationTime()) {
            return cached;
        }
        JsonWebToken fresh = parser.parse(token);
        verified.put(token, fresh);
        return fresh;
    }

    /** A cached token leaves the cache when it expires. */
    private static final class UntilExpiry implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String key, JsonWebToken token, long currentTime) {
            long seconds = token.getExpirationTime() - Instant.now().getEpochSecond();
            return Duration.ofSeconds(Math.max(0, seconds)).toNanos();
        }

        @Override
        public long expireAfterUpdate(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return expireAfterCreate(key, token, currentTime);
        }

        @Override
        public long expireAfterRead(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
