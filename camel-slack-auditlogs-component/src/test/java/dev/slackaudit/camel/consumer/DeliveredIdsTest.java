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
package dev.slackaudit.camel.consumer;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.slackaudit.camel.BatchIdempotentRepository;
import dev.slackaudit.camel.ForgettingIdempotentRepository;
import dev.slackaudit.camel.SlackAuditLogsConfiguration;
import dev.slackaudit.camel.consumer.CheckpointStore.Position;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.testing.LogCapture;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ids of delivered events in the idempotent repository: the keys, the look-ups, the adds, what the repository
 * vouches for, and the warnings about an in-memory one. Camel's MemoryIdempotentRepository is the real thing here.
 */
class DeliveredIdsTest {

    private static final String CHECKPOINT_KEY = "slack-auditlogs:logs";
    private final DeliveredIds.EndpointDefault endpointDefault = new DeliveredIds.EndpointDefault();
    private final SlackAuditLogsConfiguration configuration = new SlackAuditLogsConfiguration();
    private final DefaultCamelContext context = new DefaultCamelContext();
    @TempDir
    Path directory;

    @AfterEach
    void stopContext() {
        context.stop();
    }

    private static AuditLogEntry event(String id, long dateCreate) {
        return AuditLogEntry.parse("{\"id\":\"" + id + "\",\"date_create\":" + dateCreate
                                   + ",\"action\":\"user_login\"}");
    }

    private DeliveredIds endpointsOwn() throws Exception {
        return DeliveredIds.of(configuration, endpointDefault, CHECKPOINT_KEY, null, new DeliveredIds.Warned());
    }

    private DeliveredIds users(IdempotentRepository repository) throws Exception {
        configuration.setIdempotentRepository(repository);
        context.start();
        return DeliveredIds.of(configuration, endpointDefault, CHECKPOINT_KEY, context, new DeliveredIds.Warned());
    }

    private IdempotentRepository persistent() {
        return FileIdempotentRepository.fileIdempotentRepository(directory.resolve("ids").toFile());
    }

    @Test
    void theEndpointsOwnRepositoryTakesTheBareId() throws Exception {
        endpointsOwn().add(event("E1", 100), false);

        assertTrue(endpointDefault.repository().contains("E1"));
    }

    @Test
    void aUsersRepositoryTakesTheIdPrefixedWithTheCheckpointKey() throws Exception {
        MemoryIdempotentRepository repository = new MemoryIdempotentRepository();

        users(repository).add(event("E1", 100), false);

        assertEquals(Set.of(CHECKPOINT_KEY + "/E1"), repository.getCache().keySet());
    }

    @Test
    void aUsersRepositoryNobodyStartedIsStarted() throws Exception {
        MemoryIdempotentRepository repository = new MemoryIdempotentRepository();

        users(repository);

        assertTrue(repository.isStarted());
    }

    @Test
    void aRouteRestartKeepsTheEndpointsIdsAndWhatTheyVouchFor() throws Exception {
        DeliveredIds first = endpointsOwn();
        first.resumedAt(Position.start(1_000));
        first.add(event("E1", 1_500), false);
        first.stoppedAt(2_000);

        DeliveredIds second = endpointsOwn();
        second.resumedAt(Position.start(2_000));

        assertTrue(second.lookUp(List.of(event("E1", 1_500))).test(event("E1", 1_500)));
        assertEquals(1_000, second.vouchedFrom());
    }

    @Test
    void aBatchRepositoryIsAskedOnceAboutAllTheEventsOfALookUp() throws Exception {
        CountingBatchRepository repository = new CountingBatchRepository();
        DeliveredIds ids = users(repository);
        ids.add(event("E1", 100), false);
        List<AuditLogEntry> events = List.of(event("E1", 100), event("E2", 100), event("E3", 101));

        Predicate<AuditLogEntry> delivered = ids.lookUp(events);

        assertEquals(List.of(true, false, false), events.stream().map(delivered::test).toList());
        assertEquals(1, repository.batches.get());
        assertEquals(0, repository.singles.get());
    }

    @Test
    void anyOtherRepositoryIsAskedWhenTheAnswerIsWanted() throws Exception {
        DeliveredIds ids = endpointsOwn();
        Predicate<AuditLogEntry> delivered = ids.lookUp(List.of(event("E1", 100)));

        ids.add(event("E1", 100), false);

        assertTrue(delivered.test(event("E1", 100)));
    }

    @Test
    void aLateEventInASecondTheRepositoryVouchesForIsFoundLate() throws Exception {
        DeliveredIds ids = endpointsOwn();
        ids.resumedAt(Position.start(1_000));

        assertTrue(ids.add(event("E1", 1_500), true));
    }

    @Test
    void aLateEventBeforeWhatTheRepositoryVouchesForIsNotFoundLate() throws Exception {
        DeliveredIds ids = endpointsOwn();
        ids.resumedAt(Position.start(1_000));

        assertFalse(ids.add(event("E1", 900), true), "the run before the restart may have delivered it");
    }

    @Test
    void anEventNotLateIsNeverFoundLate() throws Exception {
        DeliveredIds ids = endpointsOwn();
        ids.resumedAt(Position.start(1_000));

        assertFalse(ids.add(event("E1", 1_500), false));
    }

    @Test
    void aPersistentRepositoryVouchesForEverything() throws Exception {
        DeliveredIds ids = users(persistent());
        ids.resumedAt(Position.start(1_000));

        assertEquals(Long.MIN_VALUE, ids.vouchedFrom());
    }

    @Test
    void aForgettingRepositoryVouchesFromWhatItRemembers() throws Exception {
        DeliveredIds ids = users(new RemembersFrom5000());
        ids.resumedAt(Position.start(1_000));

        assertEquals(5_000, ids.vouchedFrom());
    }

    @Test
    void whatAnotherConsumerDeliveredIsNotVouchedFor() throws Exception {
        DeliveredIds ids = endpointsOwn();
        ids.resumedAt(Position.start(1_000));

        ids.movedElsewhere(new Position(3_000, null, 2_999, 2_500L));

        assertEquals(3_000, ids.vouchedFrom());
    }

    @Test
    void anOverlapLargerThanTheInMemoryRepositoryWarnsOnce() throws Exception {
        DeliveredIds ids = endpointsOwn();
        try (LogCapture captured = new LogCapture("%p %m%n")) {
            ids.checkOverlapFits(DeliveredIds.DEFAULT_CAPACITY + 1);
            ids.checkOverlapFits(DeliveredIds.DEFAULT_CAPACITY + 2);

            assertEquals(List.of("WARN The overlap of PT6M held 100001 events, more than the in-memory idempotent"
                                 + " repository remembers (100000): some may be delivered twice. Set"
                                 + " idempotentRepository to a larger or persistent repository, or shorten overlap"),
                         warnings(captured));
        }
    }

    @Test
    void anyOverlapFitsAPersistentRepository() throws Exception {
        DeliveredIds ids = users(persistent());
        try (LogCapture captured = new LogCapture("%p %m%n")) {
            ids.checkOverlapFits(10_000_000);

            assertEquals(List.of(), warnings(captured));
        }
    }

    @Test
    void anInMemoryRepositoryThatForgotIdsARecheckNeedsWarnsOnce() throws Exception {
        DeliveredIds ids = users(MemoryIdempotentRepository.memoryIdempotentRepository(100));
        ids.resumedAt(Position.start(0));
        for (int second = 1; second <= 200; second++) {
            ids.add(event("E" + second, second), false);
        }
        try (LogCapture captured = new LogCapture("%p %m%n")) {
            ids.checkRecheckFits(1_000);
            ids.checkRecheckFits(1_001);

            List<String> warnings = warnings(captured);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("WARN The in-memory idempotent repository holds the last 100 ids"
                                                  + " delivered"), warnings.get(0));
        }
    }

    @Test
    void aRestartAtAPositionWhoseOverlapIsReadAgainWarnsThatTheEmptyDefaultRepositoryCannotTell() throws Exception {
        DeliveredIds ids = endpointsOwn();
        try (LogCapture captured = new LogCapture("%p %m%n")) {
            ids.warnIfEmptyAfterRestart(Position.start(1_000), true, false, 1_010);

            assertEquals(1, warnings(captured).size());
            assertTrue(warnings(captured).get(0).startsWith("WARN Resuming at 1970-01-01T00:16:40Z, close to when"));
        }
    }

    @Test
    void aRestartWithAUsersRepositoryDoesNotWarnAboutTheOverlap() throws Exception {
        DeliveredIds ids = users(persistent());
        try (LogCapture captured = new LogCapture("%p %m%n")) {
            ids.warnIfEmptyAfterRestart(Position.start(1_000), true, true, 1_010);

            assertEquals(List.of(), warnings(captured));
        }
    }

    @Test
    void aRestartWarnsThatRechecksCoverLessUntilTheEmptyDefaultRepositoryFillsUp() throws Exception {
        DeliveredIds ids = endpointsOwn();
        ids.resumedAt(Position.start(1_000));
        try (LogCapture captured = new LogCapture("%p %m%n")) {
            ids.warnIfEmptyAfterRestart(Position.start(1_000), false, true, 1_010);

            assertEquals(1, warnings(captured).size());
            assertTrue(warnings(captured).get(0).startsWith("WARN The recheck reads the last PT24H again"));
        }
    }

    private static List<String> warnings(LogCapture captured) {
        return captured.text().lines().filter(line -> line.startsWith("WARN")).collect(Collectors.toList());
    }

    /** A repository that answers for many keys at once (as the JDBC one does), counting how it is asked. */
    private static final class CountingBatchRepository extends MemoryIdempotentRepository
            implements BatchIdempotentRepository {
        final AtomicInteger batches = new AtomicInteger();
        final AtomicInteger singles = new AtomicInteger();

        @Override
        public boolean contains(String key) {
            singles.incrementAndGet();
            return super.contains(key);
        }

        @Override
        public Set<String> containedKeys(Collection<String> keys) {
            batches.incrementAndGet();
            return keys.stream().filter(getCache()::containsKey).collect(Collectors.toSet());
        }
    }

    /** An in-memory repository that says it holds every id from second 5000 on. */
    private static final class RemembersFrom5000 extends MemoryIdempotentRepository
            implements ForgettingIdempotentRepository {
        @Override
        public long remembersFrom() {
            return 5_000;
        }
    }
}
