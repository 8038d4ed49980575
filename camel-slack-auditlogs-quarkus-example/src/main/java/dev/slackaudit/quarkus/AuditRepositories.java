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
package dev.slackaudit.quarkus;

import java.io.File;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The files that {@code state-repository=#fileState} and {@code idempotent-repository=#deliveredIds} in
 * {@code application.properties} refer to: Camel Quarkus looks beans up by their CDI name. With them a restart
 * resumes where the last run stopped instead of reading {@code oldest} again, and appends no event twice.
 */
@ApplicationScoped
public class AuditRepositories {

    @Produces
    @Singleton
    @Named("fileState")
    FileStateRepository fileState(@ConfigProperty(name = "audit.checkpoint-file") File checkpointFile) {
        return FileStateRepository.fileStateRepository(checkpointFile);
    }

    /**
     * Camel's file-based id store suits this example's volume; it reads its whole file for every id it has not cached,
     * so an organization with millions of events a day wants a JDBC or Redis repository here.
     */
    @Produces
    @Singleton
    @Named("deliveredIds")
    IdempotentRepository deliveredIds(@ConfigProperty(name = "audit.delivered-ids-file") File idsFile) {
        return FileIdempotentRepository.fileIdempotentRepository(idsFile, 10_000);
    }
}
