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
import java.util.function.Consumer;
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
 * with what changed while nobody watched.
 */
final class FolderWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    private final Path folder;
    private final Predicate<String> watched;
    private final long settleMillis;
    private final Supplier<Set<String>> known;
    private final Consumer<Set<String>> reconciler;
    private final WatchService watcher;
    private final Thread worker;

    /**
     * @param watched    which file names matter
     * @param known      names handled earlier, whose files may have gone since
     * @param reconciler brings what the named files stand for in line with them; runs on
     *                   the watcher's own thread, one call at a time
     */
    FolderWatcher(Path folder, Predicate<String> watched, long settleMillis, Supplier<Set<String>> known,
            Consumer<Set<String>> reconciler, String threadName) throws IOException {
        this.folder = folder;
        this.watched = watched;
        this.settleMillis = settleMillis;
        this.known = known;
        this.reconciler = reconciler;
        Files.createDirectories(folder);
        this.watcher = folder.getFileSystem().newWatchService();
        folder.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        this.worker = new Thread(this::run, threadName);
        this.worker.setDaemon(true);
        this.worker.start();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        watcher.close();
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(10));
    }

    private void run() {
        try {
            reconciler.accept(everything());
            Set<String> changed = new HashSet<>();
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = changed.isEmpty() ? watcher.take() : watcher.poll(settleMillis, TimeUnit.MILLISECONDS);
                if (key == null) {
                    // Quiet for the settle time: whatever changed has been written.
                    reconciler.accept(Set.copyOf(changed));
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
                    LOG.error("{} is no longer watched (was it deleted?); restart Roadshow once it is back", folder);
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Watching {} failed; its changes are not applied until restart", folder, e);
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
