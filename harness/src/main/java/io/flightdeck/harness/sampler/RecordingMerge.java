package io.flightdeck.harness.sampler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.flightdeck.profiling.ChunkHeader;
import io.flightdeck.profiling.RecordingException;

/**
 * One recording per JVM for the user: async-profiler's file appended to the JDK's. A JFR file is a sequence of
 * self-contained chunks (each with its own metadata and constant pools), so two files one after the other are one
 * recording, which is what {@code jfr assemble} does. The JDK's parser ({@code RecordingFile}, {@code jfr print})
 * reads both chunks; note that JDK 17's and 25's {@code jfr summary} miscount event types across chunks whose
 * metadata differ (it keys its counts by type id).
 *
 * <p>An agent that was stopped and resumed (a paced run's child, {@code AllocationPacer}) wrote several chunks, each
 * numbering its methods and names afresh. The JDK's reader takes a constant whose id it saw in the chunk just before
 * for the same thing, so two of the agent's chunks must never be neighbours: the chunks of both files then go in the
 * order they started (the child starts a JDK chunk at each pace), the JDK's first chunk first, whose clock the JDK 25
 * reader takes for all.
 */
public final class RecordingMerge {

    private RecordingMerge() {
    }

    /**
     * Appends {@code agent} to {@code recording} atomically (a temporary copy, then a move) and deletes it.
     *
     * @return a warning for the user, or null when the files were merged
     */
    public static synchronized String appendAgentRecording(Path recording, Path agent) throws IOException {
        if (!Files.isRegularFile(agent) || Files.size(agent) == 0) {
            Files.deleteIfExists(agent);
            return "async-profiler left no recording (" + agent.getFileName() + "): " + recording.getFileName()
                    + " has JFR's events only, without CPU samples";
        }
        if (!Files.isRegularFile(recording) || Files.size(recording) == 0) {
            // the JDK wrote nothing (a crash before its dump): the agent's samples are still worth keeping
            move(agent, recording);
            return "the JVM left no JFR recording: " + recording.getFileName() + " has async-profiler's events only";
        }
        List<ChunkHeader.Chunk> agentChunks = chunksOf(agent);
        List<ChunkHeader.Chunk> jdkChunks = agentChunks.size() > 1 ? chunksOf(recording) : List.of();
        String warning = null;
        Path temp = Files.createTempFile(recording.getParent(), recording.getFileName().toString(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                if (agentChunks.size() <= 1 || jdkChunks.isEmpty()) {
                    Files.copy(recording, out);
                    Files.copy(agent, out);
                } else {
                    warning = interleave(recording, jdkChunks, agent, agentChunks, out);
                }
            }
            keepPermissions(recording, temp);
            move(temp, recording);
        } finally {
            Files.deleteIfExists(temp);
        }
        Files.delete(agent);
        return warning;
    }

    private static List<ChunkHeader.Chunk> chunksOf(Path file) throws IOException {
        try {
            return ChunkHeader.chunks(file);
        } catch (RecordingException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The JDK's first chunk, then every other chunk of both files by start, except that JDK chunks started after the
     * agent's last go before it: the file ends with an agent chunk, as a plain append leaves it (the analysis names
     * event types by the last chunk's metadata where the two producers' type ids meet). Bytes after either file's
     * last whole chunk (a cut-short tail) go at the end, where the reader stops and says so. A warning if two agent
     * chunks touch.
     */
    private static String interleave(Path recording, List<ChunkHeader.Chunk> jdk, Path agent,
                                     List<ChunkHeader.Chunk> agentChunks, OutputStream out) throws IOException {
        record Placed(Path file, ChunkHeader.Chunk chunk) {
        }
        List<Placed> rest = new ArrayList<>();
        jdk.subList(1, jdk.size()).forEach(c -> rest.add(new Placed(recording, c)));
        agentChunks.forEach(c -> rest.add(new Placed(agent, c)));
        rest.sort(Comparator.comparingLong((Placed p) -> p.chunk().startNanos()));
        int lastAgent = 0;
        for (int i = 0; i < rest.size(); i++) {
            lastAgent = rest.get(i).file() == agent ? i : lastAgent;
        }
        List<Placed> order = new ArrayList<>();
        order.add(new Placed(recording, jdk.get(0)));
        order.addAll(rest.subList(0, lastAgent));
        order.addAll(rest.subList(lastAgent + 1, rest.size())); // JDK chunks only
        order.add(rest.get(lastAgent));
        int touching = 0;
        try (FileChannel jdkIn = FileChannel.open(recording); FileChannel agentIn = FileChannel.open(agent)) {
            for (int i = 0; i < order.size(); i++) {
                Placed p = order.get(i);
                if (i > 0 && p.file() == agent && order.get(i - 1).file() == agent) {
                    touching++;
                }
                FileChannel in = p.file() == agent ? agentIn : jdkIn;
                copy(in, p.chunk(), out);
            }
            copyTail(jdkIn, jdk, out);
            copyTail(agentIn, agentChunks, out);
        }
        return touching == 0 ? null : touching + " of async-profiler's chunks follow another of its chunks in "
                + recording.getFileName() + ": the JDK's reader, and so analyze and JDK tools, may name some of "
                + "their frames wrongly";
    }

    /** What follows a file's last whole chunk, if anything: the cut-short tail a reader reports. */
    private static void copyTail(FileChannel in, List<ChunkHeader.Chunk> whole, OutputStream out) throws IOException {
        ChunkHeader.Chunk last = whole.get(whole.size() - 1);
        long end = last.offset() + last.size();
        if (in.size() > end) {
            copy(in, new ChunkHeader.Chunk(end, in.size() - end, 0), out);
        }
    }

    private static void copy(FileChannel in, ChunkHeader.Chunk chunk, OutputStream out) throws IOException {
        WritableByteChannel target = Channels.newChannel(out);
        long end = chunk.offset() + chunk.size();
        for (long position = chunk.offset(); position < end; ) {
            long moved = in.transferTo(position, end - position, target);
            if (moved <= 0) {
                throw new IOException("the file ended inside a chunk it declared whole");
            }
            position += moved;
        }
    }

    /** A temporary file is private to its owner; the recording stays as readable as the JVM made it. */
    private static void keepPermissions(Path from, Path to) throws IOException {
        if (Files.getFileStore(from).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
