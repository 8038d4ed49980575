/*
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.slackaudit.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Medians and ranges over the rounds: the median, because one slow round on a shared machine must not move it. */
final class Stats {

    private Stats() {
    }

    static <T> double median(List<T> values, ToDoubleFunction<T> metric) {
        double[] sorted = values.stream().mapToDouble(metric).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static <T> double min(List<T> values, ToDoubleFunction<T> metric) {
        return values.stream().mapToDouble(metric).min().orElse(Double.NaN);
    }

    static <T> double max(List<T> values, ToDoubleFunction<T> metric) {
        return values.stream().mapToDouble(metric).max().orElse(Double.NaN);
    }

    /** Round {@code round}'s order: the list rotated by the round number (A B C D, B C D A, ...). */
    static <T> List<T> rotated(List<T> items, int round) {
        @SuppressWarnings("unchecked")
        T[] order = (T[]) items.toArray();
        T[] rotated = Arrays.copyOf(order, order.length);
        for (int i = 0; i < order.length; i++) {
            rotated[i] = order[(i + round) % order.length];
        }
        return List.of(rotated);
    }
}
