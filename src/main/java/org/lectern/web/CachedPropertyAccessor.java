package org.lectern.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ognl.MemberAccess;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlContext;
import ognl.OgnlException;
import ognl.OgnlRuntime;

/**
 * OGNL's property access for plain objects, with the method that reads a property found once per class and name.
 * OGNL caches only JavaBean getters: a record's {@code chapter()} or a class's {@code slug()} is looked for again on
 * every evaluation, through all of the class's public methods with their names lower-cased, which made that search
 * the largest single cost of rendering a signed-in chapter page. The method is resolved exactly as OGNL resolves it
 * (getter first, then a method named after the property); a property no method reads falls back to OGNL's field
 * lookup, also as before. The context's member access is asked as OGNL asks it, and a yes is kept with the method for
 * that kind of member access: Thymeleaf's answer depends only on the member and the target's class, and asking it
 * anew (through streams over its lists of blocked types) was a thirtieth of the server's CPU under load. A no is
 * never kept, and neither is an answer about a class object itself (static access), whose answer depends on the
 * class it names.
 */
final class CachedPropertyAccessor extends ObjectPropertyAccessor {
    private static final ClassValue<Map<String, Read>> READ_METHODS = new ClassValue<>() {
        @Override
        protected Map<String, Read> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** The method that reads a property (null when none does), and the kind of member access that allowed it. */
    private static final class Read {
        final Method method;
        volatile Class<?> allowedBy;

        Read(Method method) {
            this.method = method;
        }
    }

    /** Makes this the accessor for every object that no more specific accessor (maps, lists, arrays...) handles. */
    static void install() {
        OgnlRuntime.setPropertyAccessor(Object.class, new CachedPropertyAccessor());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object getPossibleProperty(Map context, Object target, String name) throws OgnlException {
        OgnlContext ognl = (OgnlContext) context;
        Map<String, Read> methods = READ_METHODS.get(target.getClass());
        // get before computeIfAbsent: on a key that is there, computeIfAbsent may still lock its bin, and every
        // request thread reads the same few hundred properties
        Read read = methods.get(name);
        if (read == null) {
            read = methods.computeIfAbsent(name, property -> new Read(readMethod(ognl, target.getClass(), property)));
        }
        try {
            if (read.method != null && accessible(ognl, target, read, name)) {
                return OgnlRuntime.invokeMethod(target, read.method, OgnlRuntime.NoArguments);
            }
            return OgnlRuntime.getFieldValue(ognl, target, name, true);
        } catch (InvocationTargetException e) {
            throw new OgnlException(name, e.getTargetException());
        } catch (IllegalAccessException | NoSuchFieldException | RuntimeException e) {
            throw new OgnlException(name, e);
        }
    }

    private static boolean accessible(OgnlContext ognl, Object target, Read read, String name) {
        MemberAccess access = ognl.getMemberAccess();
        boolean perClass = !(target instanceof Class);
        if (perClass && read.allowedBy == access.getClass()) {
            return true;
        }
        boolean allowed = access.isAccessible(ognl, target, read.method, name);
        if (allowed && perClass) {
            read.allowedBy = access.getClass();
        }
        return allowed;
    }

    private static Method readMethod(OgnlContext context, Class<?> type, String property) {
        try {
            Method getter = OgnlRuntime.getGetMethod(context, type, property);
            return getter != null ? getter : OgnlRuntime.getReadMethod(type, property, null);
        } catch (Exception e) {
            return null;
        }
    }
}
