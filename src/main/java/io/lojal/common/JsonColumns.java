package io.lojal.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads and writes the jsonb columns of native queries (lists of codes, skus, order lines). */
@ApplicationScoped
public class JsonColumns {

    @Inject
    ObjectMapper mapper;

    /** JSON text of {@code value}, or null for null (bind it as {@code CAST(? AS jsonb)}). */
    public String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The value of a column read as {@code column::text}; null for SQL NULL. */
    public <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A jsonb column holds invalid JSON", e);
        }
    }
}
