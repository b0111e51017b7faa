package org.lectern.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlContext;
import ognl.OgnlException;
import ognl.OgnlRuntime;

/**
 * OGNL's property access for plain objects, with the method that reads a property found once per class and name.
 * OGNL caches only JavaBean getters: a record's {@code chapter()} or a class's {@code slug()} is looked for again on
 * every evaluation, through all of the class's public methods with their names lower-cased, which made that search
 * the largest single cost of rendering a signed-in chapter page. The method is resolved exactly as OGNL resolves it
 * (getter first, then a method named after the property), and access is checked and the call made on every
 * evaluation as before; a property no method reads falls back to OGNL's field lookup, also as before.
 */
final class CachedPropertyAccessor extends ObjectPropertyAccessor {
    private static final ClassValue<Map<String, Optional<Method>>> READ_METHODS = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** Makes this the accessor for every object that no more specific accessor (maps, lists, arrays...) handles. */
    static void install() {
        OgnlRuntime.setPropertyAccessor(Object.class, new CachedPropertyAccessor());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object getPossibleProperty(Map context, Object target, String name) throws OgnlException {
        OgnlContext ognl = (OgnlContext) context;
        Map<String, Optional<Method>> methods = READ_METHODS.get(target.getClass());
        // get before computeIfAbsent: on a key that is there, computeIfAbsent may still lock its bin, and every
        // request thread reads the same few hundred properties
        Optional<Method> method = methods.get(name);
        if (method == null) {
            method = methods.computeIfAbsent(name, property -> readMethod(ognl, target.getClass(), property));
        }
        try {
            if (method.isPresent() && ognl.getMemberAccess().isAccessible(ognl, target, method.get(), name)) {
                return OgnlRuntime.invokeMethod(target, method.get(), OgnlRuntime.NoArguments);
            }
            return OgnlRuntime.getFieldValue(ognl, target, name, true);
        } catch (InvocationTargetException e) {
            throw new OgnlException(name, e.getTargetException());
        } catch (IllegalAccessException | NoSuchFieldException | RuntimeException e) {
            throw new OgnlException(name, e);
        }
    }

    private static Optional<Method> readMethod(OgnlContext context, Class<?> type, String property) {
        try {
            Method getter = OgnlRuntime.getGetMethod(context, type, property);
            return Optional.ofNullable(getter != null ? getter : OgnlRuntime.getReadMethod(type, property, null));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
