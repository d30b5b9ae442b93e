package dev.rustlens.analysis.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A set of char ranges [start, end) of a file, merged, answering containment in log time. */
public final class RegionSet {

    private final int[] starts;
    private final int[] ends;

    private RegionSet(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** Collects ranges in any order. */
    public static final class Builder {
        private final List<int[]> ranges = new ArrayList<>();

        public Builder add(int start, int end) {
            if (end > start) {
                ranges.add(new int[] {start, end});
            }
            return this;
        }

        public RegionSet build() {
            ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
            int[] starts = new int[ranges.size()];
            int[] ends = new int[ranges.size()];
            int count = 0;
            for (int[] range : ranges) {
                if (count > 0 && range[0] <= ends[count - 1]) {
                    ends[count - 1] = Math.max(ends[count - 1], range[1]);
                } else {
                    starts[count] = range[0];
                    ends[count] = range[1];
                    count++;
                }
            }
            return new RegionSet(Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the offset lies inside a region. */
    public boolean contains(int offset) {
        int index = Arrays.binarySearch(starts, offset);
        int candidate = index >= 0 ? index : -index - 2;
        return candidate >= 0 && offset < ends[candidate];
    }

    public boolean isEmpty() {
        return starts.length == 0;
    }

    public int size() {
        return starts.length;
    }

    public int start(int index) {
        return starts[index];
    }

    public int end(int index) {
        return ends[index];
    }
}
