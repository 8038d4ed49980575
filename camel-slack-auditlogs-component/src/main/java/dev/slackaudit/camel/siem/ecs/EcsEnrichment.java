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
package dev.slackaudit.camel.siem.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Adds what a library can tell about a mapped document, as Elastic's ingest pipeline does after its mapping: the
 * parsed user agent, the place and network of the source address. An enrichment reads the document's ECS fields
 * ({@code user_agent.original}, {@code source.ip}) and never throws: what it cannot tell, it leaves out.
 * Implementations are thread-safe.
 */
public interface EcsEnrichment {

    void enrich(ObjectNode document);
}
