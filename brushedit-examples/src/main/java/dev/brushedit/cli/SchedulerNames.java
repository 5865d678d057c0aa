package dev.brushedit.cli;

import dev.brushedit.core.scheduler.SchedulerType;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Scheduler names on the command line: the enum names in lower case with dashes, e.g. {@code euler-ancestral}. */
final class SchedulerNames implements ITypeConverter<SchedulerType>, Iterable<String> {

    static String cliName(SchedulerType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public SchedulerType convert(String value) {
        for (SchedulerType t : SchedulerType.values()) {
            if (cliName(t).equals(value.toLowerCase(Locale.ROOT)) || t.diffusersName().equalsIgnoreCase(value)) {
                return t;
            }
        }
        throw new TypeConversionException("--scheduler must be one of " + String.join(", ", this) + ", was " + value);
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(SchedulerType.values()).map(SchedulerNames::cliName).iterator();
    }
}
