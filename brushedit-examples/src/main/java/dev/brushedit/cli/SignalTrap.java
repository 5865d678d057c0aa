package dev.brushedit.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Replaces the JVM's default action for a signal (SIGTERM, SIGINT: run the shutdown hooks at once,
 * ONNX Runtime's own among them, which frees the runtime under a session being created and crashes
 * the JVM) by a handler of ours. Uses {@code sun.misc.Signal} from the {@code jdk.unsupported}
 * module, reached by reflection so the build needs no internal API; where it is missing, or the
 * JVM reserves the signal ({@code -Xrs}), nothing is installed and the default action stays.
 *
 * <p>Thread-safety: stateless; each signal runs the handler on a new thread.
 */
final class SignalTrap {
    private SignalTrap() {}

    /** Runs {@code handler} when signal {@code name} ("TERM", "INT") arrives; false when it could not be installed. */
    static boolean on(String name, Runnable handler) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            InvocationHandler call = (Object proxy, Method method, Object[] args) -> {
                if (method.getName().equals("handle")) {
                    handler.run();
                    return null;
                }
                if (method.getName().equals("toString")) {
                    return "brushedit " + name + " handler";
                }
                if (method.getName().equals("hashCode")) {
                    return System.identityHashCode(proxy);
                }
                return method.getName().equals("equals") && args != null && proxy == args[0];
            };
            Object proxy = Proxy.newProxyInstance(SignalTrap.class.getClassLoader(), new Class<?>[] {handlerClass}, call);
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, proxy);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
