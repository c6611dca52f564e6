package io.flightdeck.memory.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.flightdeck.memory.error.InvalidInputException;

import java.io.IOException;

/**
 * Checks that a step's parameters are exactly one JSON value, by streaming through its tokens with Jackson
 * (no tree is built: a 1 MB parameter costs a pass over its characters, a small one about a microsecond).
 * Nesting is capped so a hostile "[[[[..." is an error, not a deep parse.
 */
final class JsonValueCheck {

    static final int MAX_NESTING = 200;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build();

    private JsonValueCheck() {
    }

    static void requireOneValue(String what, String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new InvalidInputException(what + " are not one JSON value: empty");
            }
            parser.skipChildren();
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                throw new InvalidInputException(what + " are not one JSON value: more after the first value, at "
                        + "character " + parser.currentTokenLocation().getCharOffset());
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(what + " are not one JSON value: " + e.getOriginalMessage());
        } catch (IOException e) {
            // a String source cannot fail to read; keep the message if it ever does
            throw new InvalidInputException(what + " are not one JSON value: " + e.getMessage());
        }
    }
}
