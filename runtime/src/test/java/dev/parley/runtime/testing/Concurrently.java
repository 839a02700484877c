package dev.parley.runtime.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs n calls on n threads released at the same moment, for tests of what happens when things collide. */
public final class Concurrently {

    /** One of the calls; {@code index} is 0..n-1. */
    public interface Call<T> {
        T call(int index) throws Exception;
    }

    private Concurrently() {
    }

    /** The calls' results in index order; the first failure is rethrown. */
    public static <T> List<T> run(int n, Call<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
