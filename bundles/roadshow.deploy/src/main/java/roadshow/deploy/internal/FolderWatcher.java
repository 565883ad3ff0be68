package roadshow.deploy.internal;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one folder with the operating system's file events (inotify on Linux) and hands
 * the names of the files that changed to a reconciler, once no event has come for the
 * settle time, so that a file still being written is handled when it is complete. The
 * reconciler first gets every file present and every name it already knew, to catch up
 * with what changed while nobody watched; names it could not handle yet come back to it
 * after a retry delay. A folder that is deleted is watched again when it returns.
 */
final class FolderWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    private final Path folder;
    private final Predicate<String> watched;
    private final long settleMillis;
    private static final long RETRY_MILLIS = 500;
    private static final long FOLDER_GONE_POLL_MILLIS = 1000;

    private final Supplier<Set<String>> known;
    private final Function<Set<String>, Set<String>> reconciler;
    private final WatchService watcher;
    private final Thread worker;
    /** Set when every file must be looked at again, as after the rules for them changed. */
    private final AtomicBoolean rescan = new AtomicBoolean();
    /** How long an idle watcher waits before it looks for a rescan asked for. */
    private static final long RESCAN_CHECK_MILLIS = 250;

    /**
     * @param watched    which file names matter
     * @param known      names handled earlier, whose files may have gone since
     * @param reconciler brings what the named files stand for in line with them, and answers
     *                   the names to try again later; runs on the watcher's own thread, one
     *                   call at a time
     */
    FolderWatcher(Path folder, Predicate<String> watched, long settleMillis, Supplier<Set<String>> known,
            Function<Set<String>, Set<String>> reconciler, String threadName) throws IOException {
        this.folder = folder;
        this.watched = watched;
        this.settleMillis = settleMillis;
        this.known = known;
        this.reconciler = reconciler;
        Files.createDirectories(folder);
        this.watcher = folder.getFileSystem().newWatchService();
        this.worker = new Thread(this::run, threadName);
        this.worker.setDaemon(true);
    }

    /** Starts watching; call once the reconciler's owner is fully built. */
    FolderWatcher start() {
        worker.start();
        return this;
    }

    /** Has every file reconciled again shortly, whether it changed or not. */
    void rescan() {
        rescan.set(true);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        watcher.close();
        worker.interrupt();
        // A reconciler may stop its own component (by updating a bundle it depends on); it must not wait for itself.
        if (Thread.currentThread() != worker) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                awaitFolder();
                watchUntilGone();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitFolder() throws InterruptedException {
        boolean reported = false;
        while (true) {
            try {
                folder.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
                if (reported) {
                    LOG.info("{} is back; watching it again", folder);
                }
                return;
            } catch (IOException e) {
                if (!reported) {
                    LOG.error("Cannot watch {} ({}); waiting for it to exist", folder, e.getMessage());
                    reported = true;
                }
                Thread.sleep(FOLDER_GONE_POLL_MILLIS);
            }
        }
    }

    /** Reconciles everything, then every change, until the folder goes away. */
    private void watchUntilGone() throws InterruptedException {
        Set<String> changed = new HashSet<>();
        Set<String> retry = reconcile(everything());
        while (true) {
            if (rescan.getAndSet(false)) {
                changed.addAll(everything());
            }
            long timeout = !changed.isEmpty() ? settleMillis : !retry.isEmpty() ? RETRY_MILLIS : RESCAN_CHECK_MILLIS;
            WatchKey key = watcher.poll(timeout, TimeUnit.MILLISECONDS);
            if (key == null && changed.isEmpty() && retry.isEmpty()) {
                continue;
            }
            if (key == null) {
                // Quiet for the settle time: whatever changed has been written.
                changed.addAll(retry);
                retry = reconcile(changed);
                changed.clear();
                continue;
            }
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == OVERFLOW) {
                    changed.addAll(everything());
                } else if (event.context() instanceof Path name && watched.test(name.toString())) {
                    changed.add(name.toString());
                }
            }
            if (!key.reset()) {
                LOG.error("{} is gone; what was deployed from it stays until it returns", folder);
                return;
            }
        }
    }

    /** One batch; a failure is logged, never the end of the watching. */
    private Set<String> reconcile(Set<String> names) {
        try {
            return reconciler.apply(Set.copyOf(names));
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("Applying changes in {} failed; they are tried again at the next change", folder, e);
            return Set.of();
        }
    }

    private Set<String> everything() {
        Set<String> names = new HashSet<>(known.get());
        try (Stream<Path> files = Files.list(folder)) {
            files.map(p -> p.getFileName().toString()).filter(watched).forEach(names::add);
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", folder, e.getMessage());
        }
        return names;
    }
}
