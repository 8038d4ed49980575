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
package dev.slackaudit.camel.client;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.model.AuditLogEntryRecords;

/**
 * The pages of one cursor loop, kept in memory up to a budget of entries and beyond it in a temporary file, and read
 * back oldest first.
 * <p>
 * Why a spool: Slack pages newest first, so every window read oldest first pays for one partial page, its oldest.
 * Requests are the scarce resource (about 50 a minute for the whole organization), so windows must be as large as the
 * history allows, far larger than a small heap holds; on disk, the heap holds one page at a time, whatever the window
 * size.
 * <p>
 * Reading back walks the pages from the last (oldest) to the first, sorting each by {@code date_create}, then dedupe
 * key. Only a page's newest second can continue on the next page, so its entries wait for that page before they are
 * emitted: the whole stream comes out in that order, and a repeated entry (a page boundary that moved while paging)
 * comes out once. Not thread-safe; one reader at a time.
 */
public final class PageSpool implements Closeable {

    /** The order the consumer delivers in, and in which its position (second, then key) is recorded. */
    public static final Comparator<AuditLogEntry> OLDEST_FIRST
            = Comparator.comparingLong(AuditLogEntry::getDateCreate).thenComparing(AuditLogEntry::getDedupeKey);

    /** The bytes written per system call. */
    private static final int BUFFER = 64 * 1024;

    private final Path directory;
    private final int memoryBudget;
    private final List<List<AuditLogEntry>> memoryPages = new ArrayList<>();
    /** Byte offsets of the pages in the file; page i spans offsets[i]..offsets[i+1]. */
    private final List<Long> offsets = new ArrayList<>();
    private FileChannel file;
    private Path path;
    private long entries;
    private long oldestDate = Long.MAX_VALUE;

    /**
     * @param directory    where the spool file goes once the budget is passed
     * @param memoryBudget how many entries stay in the heap before the pages move to disk
     */
    public PageSpool(Path directory, int memoryBudget) {
        this.directory = directory;
        this.memoryBudget = memoryBudget;
    }

    /** Adds the next page (newest first, as Slack sent it). */
    public void add(List<AuditLogEntry> page) {
        if (page.isEmpty()) {
            return;
        }
        entries += page.size();
        for (AuditLogEntry entry : page) {
            oldestDate = Math.min(oldestDate, entry.getDateCreate());
        }
        if (file == null && entries <= memoryBudget) {
            memoryPages.add(page);
            return;
        }
        try {
            if (file == null) {
                open();
                for (List<AuditLogEntry> kept : memoryPages) {
                    write(kept);
                }
                memoryPages.clear();
            }
            write(page);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the window's pages to " + path + ": " + e.getMessage(), e);
        }
    }

    /** Entries added, repeats included. */
    public long size() {
        return entries;
    }

    /** The oldest {@code date_create} added, or {@link Long#MAX_VALUE} if none. */
    public long oldestDate() {
        return oldestDate;
    }

    /** Every entry, oldest first ({@link #OLDEST_FIRST}), each once. */
    public Iterator<AuditLogEntry> oldestFirst() {
        return new OldestFirst();
    }

    @Override
    public void close() {
        memoryPages.clear();
        if (file != null) {
            try {
                file.close();
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the spool file " + path + ": " + e.getMessage(), e);
            } finally {
                file = null;
            }
        }
    }

    private void open() throws IOException {
        Files.createDirectories(directory);
        path = Files.createTempFile(directory, "slack-auditlogs-window-", ".spool");
        file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            // unlinked while open (POSIX): the space comes back when the channel closes, even after a crash
            Files.delete(path);
        } catch (IOException e) {
            path.toFile().deleteOnExit(); // Windows keeps an open file's name
        }
        offsets.add(0L);
    }

    /**
     * Writes a page as its entry count and the entries' records ({@link AuditLogEntryRecords}): reading it back parses
     * no JSON, so each event is parsed once, when its page arrives. The records go through a small buffer, not a
     * page-sized array: a page of 9,999 entries is about 10 MB, which the garbage collector would have to find room
     * for in one piece.
     */
    private void write(List<AuditLogEntry> page) throws IOException {
        file.position(offsets.get(offsets.size() - 1));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(file), BUFFER));
        out.writeInt(page.size());
        for (AuditLogEntry entry : page) {
            AuditLogEntryRecords.write(entry, out);
        }
        out.flush(); // not closed: that would close the file
        offsets.add(file.position());
    }

    private int pageCount() {
        return file == null ? memoryPages.size() : offsets.size() - 1;
    }

    private final class OldestFirst implements Iterator<AuditLogEntry> {
        private int nextPage = pageCount() - 1;
        private List<AuditLogEntry> carried = new ArrayList<>();
        private List<AuditLogEntry> ready = List.of();
        private int readyIndex;
        private AuditLogEntry last;
        /** The page read last, its array kept for the next: pages are up to about 10 MB, too large to allocate often. */
        private ByteBuffer pageBytes = ByteBuffer.allocate(0);

        @Override
        public boolean hasNext() {
            while (readyIndex >= ready.size()) {
                if (nextPage < 0 && carried.isEmpty()) {
                    return false;
                }
                fill();
            }
            return true;
        }

        @Override
        public AuditLogEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            AuditLogEntry entry = ready.get(readyIndex++);
            last = entry;
            return entry;
        }

        private List<AuditLogEntry> page(int index) {
            if (file == null) {
                return memoryPages.get(index);
            }
            long from = offsets.get(index);
            int size = Math.toIntExact(offsets.get(index + 1) - from);
            if (pageBytes.capacity() < size) {
                pageBytes = ByteBuffer.allocate(size);
            }
            pageBytes.clear().limit(size);
            try {
                while (pageBytes.hasRemaining()) {
                    if (file.read(pageBytes, from + pageBytes.position()) < 0) {
                        throw new IOException("the file ended early");
                    }
                }
                pageBytes.flip();
                int count = pageBytes.getInt();
                List<AuditLogEntry> entries = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    entries.add(AuditLogEntryRecords.read(pageBytes));
                }
                return entries;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the window's pages back from " + path + ": " + e.getMessage(), e);
            }
        }

        /** Loads the next older page with what the previous one carried, keeping back its newest second. */
        private void fill() {
            List<AuditLogEntry> batch = new ArrayList<>(carried);
            if (nextPage >= 0) {
                batch.addAll(page(nextPage--));
            }
            batch.sort(OLDEST_FIRST);
            carried = new ArrayList<>();
            if (nextPage >= 0 && !batch.isEmpty()) {
                long newest = batch.get(batch.size() - 1).getDateCreate();
                while (!batch.isEmpty() && batch.get(batch.size() - 1).getDateCreate() == newest) {
                    carried.add(batch.remove(batch.size() - 1));
                }
            }
            List<AuditLogEntry> unique = new ArrayList<>(batch.size());
            AuditLogEntry previous = last;
            for (AuditLogEntry entry : batch) {
                if (previous == null || OLDEST_FIRST.compare(previous, entry) != 0) {
                    unique.add(entry);
                }
                previous = entry;
            }
            ready = unique;
            readyIndex = 0;
        }
    }
}
