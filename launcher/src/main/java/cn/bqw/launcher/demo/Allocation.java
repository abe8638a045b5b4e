package cn.bqw.launcher.demo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Whole-number shares that add up exactly to a total (the largest-remainder method). */
final class Allocation {

    private Allocation() {}

    /** {@code total} split in proportion to {@code weights}; ties in the remainders go to the earlier share. */
    static int[] largestRemainder(int total, double[] weights) {
        double sum = Arrays.stream(weights).sum();
        int[] shares = new int[weights.length];
        if (sum <= 0 || weights.length == 0) {
            if (weights.length > 0) {
                shares[0] = total;
            }
            return shares;
        }
        double[] exact = Arrays.stream(weights).map(w -> total * w / sum).toArray();
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            shares[i] = (int) Math.floor(exact[i]);
            given += shares[i];
        }
        Integer[] byRemainder = IntStream.range(0, weights.length).boxed().toArray(Integer[]::new);
        Arrays.sort(byRemainder, Comparator.comparingDouble((Integer i) -> -(exact[i] - shares[i])));
        for (int i = 0; i < total - given; i++) {
            shares[byRemainder[i % weights.length]]++;
        }
        return shares;
    }
}
