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
package dev.slackaudit.camel.springboot;

import java.util.Set;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Turns {@code "#fileState"} (or {@code "#bean:fileState"}) in {@code camel.component.slack-auditlogs.*} into the
 * Spring bean of that name. Spring's binder has no way to turn text into a {@link StateRepository}, so without this
 * the application would fail to start before Camel ever saw the reference.
 */
final class SlackAuditLogsBeanReferenceConverter implements GenericConverter {

    private static final Set<ConvertiblePair> REFERENCE_TYPES = Set.of(
            new ConvertiblePair(String.class, StateRepository.class),
            new ConvertiblePair(String.class, IdempotentRepository.class),
            new ConvertiblePair(String.class, SSLContextParameters.class));

    private final BeanFactory beanFactory;

    SlackAuditLogsBeanReferenceConverter(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return REFERENCE_TYPES;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString().trim();
        if (!reference.startsWith("#")) {
            throw new IllegalArgumentException("Refer to a " + targetType.getType().getSimpleName()
                                               + " bean as #name, not '" + reference + "'");
        }
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length()) : reference.substring(1);
        return beanFactory.getBean(name, targetType.getType());
    }
}
