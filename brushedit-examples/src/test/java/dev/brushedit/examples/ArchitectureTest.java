package dev.brushedit.examples;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API boundary of all four modules, checked on their compiled classes (main code only): no
 * package cycles, no public signature that exposes an {@code .internal} type (or Jackson's), and no
 * module reaching into another module's {@code .internal} packages.
 */
class ArchitectureTest {
    private static final Pattern MODULE = Pattern.compile("brushedit-(core|blend|models|examples)\\b");
    /** JMH benchmarks measure internals (the model wrapper, SAM post-processing) on purpose; they are not API. */
    private static final String BENCHMARKS = "dev.brushedit.bench";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("jmh_generated"))
                .importPackages("dev.brushedit");
    }

    @Test
    void allFourModulesAreChecked() {
        Set<String> modules = new TreeSet<>();
        for (JavaClass c : classes) {
            modules.add(module(c));
        }
        assertThat(modules).containsExactly("blend", "core", "examples", "models");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.brushedit.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void publicSignaturesExposeNoInternalOrJacksonTypes() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass c : classes) {
            if (!isApi(c)) {
                continue;
            }
            c.getRawSuperclass().ifPresent(s -> leak(leaks, c.getName() + " extends", Set.of(s)));
            for (JavaType i : c.getInterfaces()) {
                leak(leaks, c.getName() + " implements", i.getAllInvolvedRawTypes());
            }
            for (JavaField f : c.getFields()) {
                if (visible(f.getModifiers())) {
                    leak(leaks, f.getFullName(), f.getType().getAllInvolvedRawTypes());
                }
            }
            List<JavaCodeUnit> units = new ArrayList<>(c.getMethods());
            units.addAll(c.getConstructors());
            for (JavaCodeUnit u : units) {
                if (!visible(u.getModifiers()) || u.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                    continue;
                }
                leak(leaks, u.getFullName() + " returns", u.getReturnType().getAllInvolvedRawTypes());
                for (JavaType p : u.getParameterTypes()) {
                    leak(leaks, u.getFullName() + " takes", p.getAllInvolvedRawTypes());
                }
                leak(leaks, u.getFullName() + " throws", Set.copyOf(u.getExceptionTypes()));
            }
        }
        assertThat(leaks).as("public API must not expose internal or Jackson types").isEmpty();
    }

    @Test
    void noModuleUsesAnotherModulesInternalPackages() {
        List<String> uses = new ArrayList<>();
        for (JavaClass c : classes) {
            if (c.getPackageName().startsWith(BENCHMARKS)) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass().getBaseComponentType();
                if (target.getPackageName().startsWith("dev.brushedit.") && isInternal(target)
                        && !module(target).equals(module(c))) {
                    uses.add(d.getDescription());
                }
            }
        }
        assertThat(uses).as("internal packages are private to their module").isEmpty();
    }

    private static void leak(List<String> leaks, String where, Set<JavaClass> types) {
        for (JavaClass t : types) {
            JavaClass base = t.getBaseComponentType();
            boolean ours = base.getPackageName().startsWith("dev.brushedit.") && isInternal(base);
            if (ours || base.getPackageName().startsWith("com.fasterxml.jackson")) {
                leaks.add(where + " " + base.getName());
            }
        }
    }

    /** Public, in a non-internal package, and reachable: every enclosing class is public too. */
    private static boolean isApi(JavaClass c) {
        if (isInternal(c) || c.isAnonymousClass() || c.isLocalClass()) {
            return false;
        }
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static boolean isInternal(JavaClass c) {
        String p = "." + c.getPackageName() + ".";
        return p.contains(".internal.");
    }

    private static String module(JavaClass c) {
        String uri = c.getSource().map(s -> s.getUri().toString()).orElse("");
        Matcher m = MODULE.matcher(uri);
        String found = "unknown: " + uri;
        while (m.find()) {
            found = m.group(1);
        }
        return found;
    }
}
