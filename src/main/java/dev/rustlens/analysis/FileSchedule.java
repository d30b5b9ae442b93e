package dev.rustlens.analysis;

import dev.rustlens.analysis.cargo.CrateDiscovery.CrateFile;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;

/**
 * Hands files to the analysis threads, largest first, so that no big file is left for the end
 * while the other threads idle. At most one large file is in flight at a time: a parse tree
 * takes up to 70 times its file's size in native memory (a 2.5 MB table of numbers makes a
 * 170 MB tree), so two large files parsed at once would double the peak, and large files share
 * one thread (see {@link Analyzer}). A thread that finds only large files left while one is in
 * flight takes the next smaller one.
 */
final class FileSchedule {

    private final LinkedList<CrateFile> pending;
    private final long largeFileBytes;
    private boolean largeFileInFlight;

    FileSchedule(List<CrateFile> files, long largeFileBytes) {
        this.pending = new LinkedList<>(files);
        this.pending.sort(Comparator.comparingLong((CrateFile file) -> file.file().size()).reversed()
                .thenComparing(file -> file.file().path()));
        this.largeFileBytes = largeFileBytes;
    }

    /** The next file to analyse, waiting while every one left is large and a large one is in flight; empty when none is left. */
    synchronized Optional<CrateFile> next() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("the analysis was stopped");
        }
        while (!pending.isEmpty()) {
            for (Iterator<CrateFile> it = pending.iterator(); it.hasNext();) {
                CrateFile file = it.next();
                boolean large = isLarge(file);
                if (!large || !largeFileInFlight) {
                    it.remove();
                    largeFileInFlight |= large;
                    return Optional.of(file);
                }
            }
            wait();
        }
        return Optional.empty();
    }

    /**
     * Marks a file handed out by {@link #next()} as analysed.
     *
     * @return whether it was the last large file: none is pending or in flight any more
     */
    synchronized boolean done(CrateFile file) {
        if (!isLarge(file)) {
            return false;
        }
        largeFileInFlight = false;
        notifyAll();
        return pending.stream().noneMatch(this::isLarge);
    }

    private boolean isLarge(CrateFile file) {
        return file.file().size() >= largeFileBytes;
    }
}
