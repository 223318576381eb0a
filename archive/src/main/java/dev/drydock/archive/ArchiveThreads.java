package dev.drydock.archive;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared daemon threads that deflate blocks while packing; one per
 * processor, idle threads end after 30 s. Tasks never wait on each other, so sharing cannot deadlock.
 */
final class ArchiveThreads {
    static final ExecutorService EXECUTOR = create();

    private ArchiveThreads() {
    }

    private static ExecutorService create() {
        int n = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor e = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "drydock-archive-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        e.allowCoreThreadTimeOut(true);
        return e;
    }
}
