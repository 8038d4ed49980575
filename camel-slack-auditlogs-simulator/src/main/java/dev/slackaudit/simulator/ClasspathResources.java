package dev.slackaudit.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the captures bundled next to these classes. */
final class ClasspathResources {

    private ClasspathResources() {
    }

    static byte[] read(String name) {
        try (InputStream in = ClasspathResources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + ClasspathResources.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
