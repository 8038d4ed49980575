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
package dev.slackaudit.camel.testing;

import java.io.StringWriter;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** The log lines at INFO and above, from the moment it is made until it is closed, in the given log4j pattern. */
public final class LogCapture implements AutoCloseable {

    private final StringWriter lines = new StringWriter();
    private final WriterAppender appender;

    public LogCapture(String pattern) {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration config = logging.getConfiguration();
        appender = WriterAppender.createAppender(PatternLayout.newBuilder().withPattern(pattern).build(), null, lines,
                "capture-" + System.identityHashCode(this), false, true);
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, Level.INFO, null);
        logging.updateLoggers();
    }

    /** What was logged so far. */
    public String text() {
        return lines.toString();
    }

    @Override
    public void close() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().getRootLogger().removeAppender(appender.getName());
        appender.stop();
        logging.updateLoggers();
    }
}
