package io.lojal.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed spec is the code's twin: when this fails, regenerate it with {@code ./mvnw package -DskipTests}
 * and commit {@code openapi/}. Compared as documents, since the build and the running service order keys differently.
 */
@QuarkusTest
class OpenApiSpecTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theCommittedSpecMatchesTheCode() throws Exception {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode committed = normalised(YAML.readTree(Files.readString(Path.of("openapi/lojal.yaml"))));
        assertEquals(committed.toPrettyString(), normalised(YAML.readTree(served)).toPrettyString(),
                "openapi/lojal.yaml is stale: run ./mvnw package -DskipTests and commit openapi/");
    }

    /** Keys sorted, and lists of plain values (required, enum) sorted, so only content is compared. */
    private static JsonNode normalised(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = YAML.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(Comparator.naturalOrder());
            names.forEach(name -> sorted.set(name, normalised(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(normalised(item)));
            if (items.stream().allMatch(JsonNode::isValueNode)) {
                items.sort(Comparator.comparing(JsonNode::asText));
            }
            ArrayNode array = YAML.createArrayNode();
            items.forEach(array::add);
            return array;
        }
        return node;
    }
}
