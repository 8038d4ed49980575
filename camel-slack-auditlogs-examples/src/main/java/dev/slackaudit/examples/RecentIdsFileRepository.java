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
package dev.slackaudit.examples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Remembers the ids of the most recent events written, in memory and in a file of one id per line that is read back
 * when the route starts again, so the overlap a restarted consumer reads twice finds its ids.
 * <p>
 * Why not Camel's {@code FileIdempotentRepository}: it scans its whole file for every id it has not cached, which is
 * every new event, so a backfill of n events costs n²/2 line reads (minutes for a day of 20,000). Here the file is
 * read once, at start; afterwards it is only appended to, and rewritten with the ids still remembered when it has
 * grown to twice the capacity, when an id is removed, and at every start.
 * <p>
 * Appends are flushed to the operating system but not forced to disk: a machine crash can forget the last ids, and
 * the day files then get those lines again. A process crash loses nothing.
 */
public final class RecentIdsFileRepository extends ServiceSupport implements IdempotentRepository {

    private final Path file;
    private final int capacity;
    private final Map<String, Boolean> recent;
    private BufferedWriter appender;
    private int linesInFile;

    /**
     * @param capacity how many ids to remember; keep it well above the events of one consumer overlap (5 minutes by
     *                 default)
     */
    public RecentIdsFileRepository(Path file, int capacity) {
        this.file = file;
        this.capacity = capacity;
        this.recent = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > RecentIdsFileRepository.this.capacity;
            }
        };
    }

    @Override
    protected synchronized void doStart() throws IOException {
        if (Files.exists(file)) {
            List<String> ids = Files.readAllLines(file, StandardCharsets.UTF_8);
            ids.stream().filter(id -> !id.isBlank()).forEach(id -> recent.put(id, Boolean.TRUE));
        }
        rewrite();
    }

    @Override
    protected synchronized void doStop() throws IOException {
        if (appender != null) {
            appender.close();
            appender = null;
        }
    }

    @Override
    public synchronized boolean add(String id) {
        if (recent.putIfAbsent(id, Boolean.TRUE) != null) {
            return false;
        }
        try {
            appender.write(id);
            appender.newLine();
            appender.flush();
            if (++linesInFile > 2 * capacity) {
                rewrite();
            }
        } catch (IOException e) {
            recent.remove(id);
            throw new UncheckedIOException("cannot record the id " + id + " in " + file, e);
        }
        return true;
    }

    @Override
    public synchronized boolean contains(String id) {
        return recent.containsKey(id);
    }

    @Override
    public synchronized boolean remove(String id) {
        if (recent.remove(id) == null) {
            return false;
        }
        // the id is still in the file: rewrite it now, or a restart would remember an event that was never written
        try {
            rewrite();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot forget the id " + id + " in " + file, e);
        }
        return true;
    }

    @Override
    public boolean confirm(String id) {
        return true;
    }

    @Override
    public synchronized void clear() {
        recent.clear();
        try {
            rewrite();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + file, e);
        }
    }

    /** Replaces the file with the ids remembered now (through a temporary file, so a crash never leaves it half written). */
    private void rewrite() throws IOException {
        if (appender != null) {
            appender.close();
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        Files.write(temporary, recent.keySet(), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        linesInFile = recent.size();
        appender = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
