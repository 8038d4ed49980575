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
package dev.slackaudit.kamelets;

import java.nio.file.Path;

import org.apache.camel.main.KameletMain;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts {@code camel-kamelet-main} the way {@code camel run} starts it, minus the command line: the runtime resolves
 * the slack-auditlogs component from a Maven repository (the one this build staged, then Maven Central), as it does
 * for {@code --dep=...} or a Kamelet's {@code spec.dependencies}, into a local repository under {@code target/}.
 */
final class CamelRun {

    /** This build's component, in Maven layout (maven-dependency-plugin, generate-test-resources). */
    static final Path STAGED_REPOSITORY = Path.of(System.getProperty("staged.repository"));
    /** Where the runtime's downloader puts what it resolved: the surefire fork's maven.repo.local. */
    static final Path RUNTIME_LOCAL_REPOSITORY = Path.of(System.getProperty("maven.repo.local"));
    static final String COMPONENT_GAV = "dev.slackaudit:camel-slack-auditlogs:"
                                        + System.getProperty("component.version");

    private CamelRun() {
    }

    /** A runtime with camel run's instance type and downloads, ready for the caller's routes and properties. */
    static KameletMain kameletMain() {
        KameletMain main = new KameletMain("camel.jbang");
        main.setRepositories(STAGED_REPOSITORY.toUri().toString());
        // only Maven Central is reachable from the build; ASF snapshots would only add timeouts
        main.setMavenApacheSnapshotEnabled(false);
        return main;
    }

    /** Fails unless the class was loaded from a jar the runtime's downloader resolved. */
    static void assertResolvedByTheRuntime(Class<?> type) {
        Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath());
        assertTrue(jar.startsWith(RUNTIME_LOCAL_REPOSITORY), jar + " was resolved by the runtime's downloader");
    }
}
