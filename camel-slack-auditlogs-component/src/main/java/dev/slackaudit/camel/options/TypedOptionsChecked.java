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
package dev.slackaudit.camel.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.EndpointHelper;

/**
 * The endpoint's generated configurer, which first reads the text typed for the typed options strictly: the scheduler
 * options the endpoint inherits from Camel's {@code ScheduledPollEndpoint} ({@code initialDelay}, {@code repeatCount},
 * the back-off options, {@code timeUnit}, {@code runLoggingLevel}) and every true/false switch.
 * <p>
 * Why: Camel's binding turns text its converter cannot read as a number into 0 ({@code initialDelay=abc} polls at
 * once, {@code backoffMultiplier=abc} switches back-off off), reads {@code repeatCount=5s} as 5000, wraps an int that
 * does not fit, and refuses a bad switch or enum in a message that names neither the option nor what it accepts. This
 * wrapper refuses such text with the message of the component's own options: the option, the value as typed and the
 * accepted forms. It sits where Camel binds every endpoint option ({@code DefaultComponent#setProperties} asks the
 * component for its endpoint configurer), so a URI and the endpoint DSL both pass here. Values that are not text (a
 * number given in Java) and bean references pass unchanged.
 */
public final class TypedOptionsChecked extends CheckedConfigurer {

    private static final String LOGGING_LEVELS = Arrays.stream(LoggingLevel.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    /** @param endpoint the generated configurer of the endpoint (a configurer and a getter) */
    public TypedOptionsChecked(PropertyConfigurer endpoint) {
        super(endpoint);
    }

    @Override
    public boolean configure(CamelContext camelContext, Object target, String name, Object value, boolean ignoreCase) {
        Object checked = value instanceof String text && !EndpointHelper.isReferenceParameter(text)
                ? read(name, text) : value;
        return configureGenerated(camelContext, target, name, checked, ignoreCase);
    }

    /** The value {@code text} stands for, if {@code name} is an option read here; else the text unchanged. */
    private Object read(String name, String text) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "initialdelay":
                return DurationOption.INITIAL_DELAY.parse(text).toMillis();
            case "repeatcount":
                return (long) NumberOption.REPEAT_COUNT.parse(text); // the setter takes a long
            case "backoffmultiplier":
                return NumberOption.BACKOFF_MULTIPLIER.parse(text);
            case "backoffidlethreshold":
                return NumberOption.BACKOFF_IDLE_THRESHOLD.parse(text);
            case "backofferrorthreshold":
                return NumberOption.BACKOFF_ERROR_THRESHOLD.parse(text);
            case "timeunit":
                // delay (and initialDelay, read above) are set in milliseconds whatever unit they were typed in: any
                // other unit would multiply them (delay=20s with timeUnit=SECONDS would poll every 20,000 seconds)
                if (!"MILLISECONDS".equalsIgnoreCase(text.trim())) {
                    throw new IllegalArgumentException("Invalid timeUnit '" + text + "': MILLISECONDS only; give delay"
                                                       + " and initialDelay their unit in the value instead (20s, PT1M)");
                }
                return text.trim().toUpperCase(Locale.ROOT);
            case "runlogginglevel":
                try {
                    return LoggingLevel.valueOf(text.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Invalid runLoggingLevel '" + text + "': one of " + LOGGING_LEVELS);
                }
            default:
                return isSwitch(name) ? readSwitch(name, text) : text;
        }
    }

    private boolean isSwitch(String name) {
        Class<?> type = getOptionType(name, true);
        return type == boolean.class || type == Boolean.class;
    }

    private static Boolean readSwitch(String name, String text) {
        String trimmed = text.trim();
        if ("true".equalsIgnoreCase(trimmed) || "false".equalsIgnoreCase(trimmed)) {
            return Boolean.valueOf(trimmed);
        }
        throw new IllegalArgumentException("Invalid " + name + " '" + text + "': true or false");
    }
}
