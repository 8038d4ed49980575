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
package dev.slackaudit.examples.springboot;

import java.io.File;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Streams the organization's audit events into JSON Lines. Everything the component needs comes from
 * {@code application.yaml}; this class only adds the files that {@code state-repository: "#fileState"} and
 * {@code idempotent-repository: "#deliveredIds"} refer to, so a restart resumes where the last run stopped instead of
 * reading {@code oldest} again, and appends no event twice.
 */
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class) // only the ha profile has a database
public class AuditLogsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuditLogsApplication.class, args);
    }

    @Bean
    FileStateRepository fileState(@Value("${audit.checkpoint-file}") File checkpointFile) {
        return FileStateRepository.fileStateRepository(checkpointFile);
    }

    /**
     * Camel's file-based id store suits this example's volume; it reads its whole file for every id it has not cached,
     * so an organization with millions of events a day wants a JDBC or Redis repository here.
     */
    @Bean
    IdempotentRepository deliveredIds(@Value("${audit.delivered-ids-file}") File idsFile) {
        return FileIdempotentRepository.fileIdempotentRepository(idsFile, 10_000);
    }
}
