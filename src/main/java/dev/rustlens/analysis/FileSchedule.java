package dev.rustlens.analysis;

import dev.rustlens.analysis.cargo.CrateDiscovery.CrateFile;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;

/**
 * Hands files to the analysis threads, largest first, so that no big file is left for the end
 * while the other threads idle. The files in flight together stay within a size budget unless
 * one runs alone: a parse tree takes up to 70 times its file's size in native memory (a 2.5 MB
 * table of numbers makes a 170 MB tree), so two big files parsed at once would double the peak.
 * A thread that finds only files over the budget takes the next smaller one that fits.
 */
final class FileSchedule {

    private final LinkedList<CrateFile> pending;
    private final long budgetBytes;
    private long bytesInFlight;
    private int filesInFlight;

    FileSchedule(List<CrateFile> files, long budgetBytes) {
        this.pending = new LinkedList<>(files);
        this.pending.sort(Comparator.comparingLong((CrateFile file) -> file.file().size()).reversed()
                .thenComparing(file -> file.file().path()));
        this.budgetBytes = budgetBytes;
    }

    /** The next file to analyse, waiting while every one left is over the budget; empty when none is left. */
    synchronized Optional<CrateFile> next() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("the analysis was stopped");
        }
        while (!pending.isEmpty()) {
            for (Iterator<CrateFile> it = pending.iterator(); it.hasNext();) {
                CrateFile file = it.next();
                long size = file.file().size();
                if (filesInFlight == 0 || bytesInFlight + size <= budgetBytes) {
                    it.remove();
                    bytesInFlight += size;
                    filesInFlight++;
                    return Optional.of(file);
                }
            }
            wait();
        }
        return Optional.empty();
    }

    /** Marks a file handed out by {@link #next()} as analysed. */
    synchronized void done(CrateFile file) {
        bytesInFlight -= file.file().size();
        filesInFlight--;
        notifyAll();
    }
}
