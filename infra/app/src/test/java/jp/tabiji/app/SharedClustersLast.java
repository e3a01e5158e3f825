package jp.tabiji.app;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test classes that use {@link SharedClusters} one after another at the end of the module's run (each
 * group otherwise in JUnit's default order), so that the shared servers start once and are up only while their
 * tests run, not beside every other test of the JVM. Configured in {@code junit-platform.properties}.
 */
public final class SharedClustersLast implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(SharedClustersLast::usesSharedClusters));
    }

    private static boolean usesSharedClusters(ClassDescriptor c) {
        return c.findRepeatableAnnotations(ExtendWith.class).stream()
                .anyMatch(e -> java.util.List.of(e.value()).contains(SharedClusters.Resolver.class));
    }
}
