package dev.brushedit.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * Reports the SDK version from the jar manifest.
 *
 * <p>Thread-safety: stateless.
 */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = BrushEditCli.class.getPackage().getImplementationVersion();
        return new String[] {"brushedit " + (v == null ? "(development build)" : v)};
    }
}
