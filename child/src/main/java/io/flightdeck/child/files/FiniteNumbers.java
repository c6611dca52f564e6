package io.flightdeck.child.files;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.AccessPattern;

/**
 * NaN and ±Infinity are not JSON numbers; Jackson writes them as the strings "NaN" and "Infinity", which a reader
 * in another language takes for text (or rejects) in a number field. Here they are written as null, for every
 * double and float the harness writes, however it gets to the generator (a record's field, an array, a tree),
 * and a null read back into a {@code double} is NaN again: what the harness means by "not measured".
 */
public final class FiniteNumbers {

    private FiniteNumbers() {
    }

    /** A JSON factory whose generators write non-finite numbers as null. */
    public static JsonFactory factory() {
        return JsonFactory.builder().addDecorator((factory, generator) -> new NullForNonFinite(generator)).build();
    }

    /** Reads null into a {@code double} as NaN, not as 0 (which would be a measurement). */
    public static Module module() {
        return new SimpleModule("finite-numbers")
                .addDeserializer(double.class, new NaNForNull());
    }

    /**
     * Jackson's own double reader takes its null value from a final method that fails under
     * FAIL_ON_NULL_FOR_PRIMITIVES, which the strict reader of reports turns on (a null count is a corrupt file):
     * a null figure is "not measured" there too, so this one answers NaN whatever that setting says.
     */
    private static final class NaNForNull extends StdScalarDeserializer<Double> {

        private final NumberDeserializers.DoubleDeserializer numbers =
                new NumberDeserializers.DoubleDeserializer(Double.TYPE, Double.NaN);

        NaNForNull() {
            super(Double.TYPE);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return numbers.deserialize(p, ctxt);
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.CONSTANT;
        }
    }

    private static final class NullForNonFinite extends JsonGeneratorDelegate {

        NullForNonFinite(JsonGenerator delegate) {
            super(delegate, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (Double.isFinite(v)) {
                delegate.writeNumber(v);
            } else {
                delegate.writeNull();
            }
        }

        @Override
        public void writeNumber(float v) throws IOException {
            if (Float.isFinite(v)) {
                delegate.writeNumber(v);
            } else {
                delegate.writeNull();
            }
        }

        @Override
        public void writeArray(double[] array, int offset, int length) throws IOException {
            // the delegate's own version would write each element past this class
            writeStartArray(array, length);
            for (int i = offset; i < offset + length; i++) {
                writeNumber(array[i]);
            }
            writeEndArray();
        }
    }
}
