package io.flightdeck.profiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordingFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chunk's metadata read by {@link ChunkMetadata} names the event types the JDK's own reader names, id for id; a
 * damaged record gives an {@link IOException}, nothing else.
 */
class ChunkMetadataTest {

    @TempDir
    static Path dir;
    static Path recording;
    static byte[] metadataRecord;
    static boolean compressed;

    @BeforeAll
    static void record() throws Exception {
        recording = TestRecordings.record(dir, "one-chunk", 2, "steady");
        byte[] file = Files.readAllBytes(recording);
        ByteBuffer header = ByteBuffer.wrap(file);
        long chunkSize = header.getLong(8);
        long metadataOffset = header.getLong(24);
        compressed = (header.getInt(64) & 1) != 0;
        metadataRecord = Arrays.copyOfRange(file, (int) metadataOffset, (int) chunkSize);
        metadataRecord = Arrays.copyOf(metadataRecord, (int) recordSize(metadataRecord));
    }

    private static int varintLength(byte[] record) {
        int i = 0;
        while ((record[i] & 0x80) != 0) {
            i++;
        }
        return i + 1;
    }

    /** The record's size field: a compressed integer (the JDK compresses) or a 4-byte int. */
    private static long recordSize(byte[] record) {
        if (!compressed) {
            return ByteBuffer.wrap(record).getInt(0);
        }
        long size = 0;
        for (int i = 0; i < 8; i++) {
            size |= (long) (record[i] & 0x7f) << (7 * i);
            if ((record[i] & 0x80) == 0) {
                break;
            }
        }
        return size;
    }

    @Test
    void namesTheEventTypesTheJdksReaderNames() throws Exception {
        Map<Long, String> jdks = new TreeMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            for (EventType type : file.readEventTypes()) {
                jdks.put(type.getId(), type.getName());
            }
        }

        Map<Long, String> ours = new TreeMap<>(ChunkMetadata.eventTypesOfRecord(metadataRecord, compressed));

        assertThat(jdks).hasSizeGreaterThan(100);
        assertThat(ours).isEqualTo(jdks);
    }

    @Test
    void aCutOrScrambledRecordIsAnIoExceptionOnly() {
        Random random = new Random(17);
        for (int cut : new int[] {0, 1, 5, 40, metadataRecord.length / 2, metadataRecord.length - 1}) {
            Throwable t = catchThrowable(() -> ChunkMetadata.eventTypesOfRecord(
                    Arrays.copyOf(metadataRecord, cut), compressed));
            assertThat(t).as("cut at " + cut).isInstanceOf(IOException.class);
        }
        // the record's body alone, as the event counter hands it over: cut anywhere, the parser's own bounds hold
        int sizeBytes = compressed ? varintLength(metadataRecord) : 4;
        int typeBytes = compressed ? 1 : 8;
        byte[] body = Arrays.copyOfRange(metadataRecord, sizeBytes + typeBytes, metadataRecord.length);
        for (int cut : new int[] {0, 3, 17, body.length / 3, body.length / 2, body.length - 2}) {
            Throwable t = catchThrowable(() -> ChunkMetadata.eventTypes(Arrays.copyOf(body, cut), compressed));
            assertThat(t).as("body cut at " + cut).isInstanceOf(IOException.class);
        }
        for (int trial = 0; trial < 200; trial++) {
            byte[] scrambled = metadataRecord.clone();
            for (int flips = 0; flips < 4; flips++) {
                scrambled[random.nextInt(scrambled.length)] = (byte) random.nextInt(256);
            }
            Throwable t = catchThrowable(() -> ChunkMetadata.eventTypesOfRecord(scrambled, compressed));
            assertThat(t).as("trial " + trial).satisfiesAnyOf(x -> assertThat(x).isNull(),
                    x -> assertThat(x).isInstanceOf(IOException.class));
        }
    }
}
