using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using Orleans.Concurrency;
using Orleans.InProcess.Discovery;
using Orleans.InProcess.Invocation;
using Orleans.Runtime;

namespace Orleans.InProcess.Proxies;

/// <summary>
/// Generates grain references at run time (what the Orleans source generator does at build time). For each grain
/// interface it emits, once per process:
/// <list type="bullet">
/// <item>one request class per method, deriving from the typed request base for the method's return type, with a
/// public field per argument and an <c>Invoke(object grain)</c> override that casts and calls the interface method
/// directly — no reflection, no boxing, no argument array per call;</item>
/// <item>a proxy class deriving from <see cref="GrainReference"/> that implements the interface: each method stores
/// its arguments in a new request and passes it to <c>GrainReference.Invoke*</c> with the method's descriptor.</item>
/// </list>
/// Non-public interfaces and argument types are supported through <c>IgnoresAccessChecksToAttribute</c>.
/// </summary>
internal static class GrainProxyGenerator
{
    private static readonly ConcurrentDictionary<Type, GrainProxyType> s_proxies = new();
    private static readonly Lock s_emitLock = new();
    private static readonly HashSet<string> s_accessGranted = new(StringComparer.Ordinal);
    private static readonly AssemblyBuilder s_assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Orleans.InProcess.GeneratedProxies"), AssemblyBuilderAccess.Run);
    private static readonly ModuleBuilder s_module = s_assembly.DefineDynamicModule("Orleans.InProcess.GeneratedProxies");
    private static ConstructorInfo? s_ignoresAccessChecksConstructor;
    private static int s_typeCounter;

    /// <summary>The generated proxy for <paramref name="interfaceType"/>.</summary>
    /// <exception cref="UnsupportedGrainInterfaceException">The interface breaks a grain interface rule.</exception>
    internal static GrainProxyType Get(Type interfaceType)
    {
        if (s_proxies.TryGetValue(interfaceType, out var proxy))
        {
            return proxy;
        }

        lock (s_emitLock)
        {
            // Emission is not thread-safe at module level; one generation at a time (and once per interface).
            if (!s_proxies.TryGetValue(interfaceType, out proxy))
            {
                proxy = Generate(interfaceType);
                s_proxies[interfaceType] = proxy;
            }

            return proxy;
        }
    }

    private static GrainProxyType Generate(Type interfaceType)
    {
        if (!interfaceType.IsInterface || !GrainClassRegistry.IsGrainInterface(interfaceType))
        {
            throw new UnsupportedGrainInterfaceException(interfaceType, "it is not a grain interface (an interface deriving from IGrainWithStringKey or another IGrain key kind)");
        }

        if (interfaceType.ContainsGenericParameters)
        {
            throw new UnsupportedGrainInterfaceException(interfaceType, "it is an open generic type; use a closed one such as IMyGrain<int>");
        }

        var methods = CollectMethods(interfaceType);
        var id = Interlocked.Increment(ref s_typeCounter);
        var proxyName = $"OrleansProxies.{Sanitize(interfaceType.Name)}Proxy{id}";
        GrantAccessTo(interfaceType);

        var proxyBuilder = s_module.DefineType(proxyName, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(GrainReference), [interfaceType]);
        var baseConstructor = typeof(GrainReference).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, [typeof(GrainBinding), typeof(GrainId)])!;
        var constructor = proxyBuilder.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, [typeof(GrainBinding), typeof(GrainId)]);
        var il = constructor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Ldarg_2);
        il.Emit(OpCodes.Call, baseConstructor);
        il.Emit(OpCodes.Ret);

        var factoryMethod = proxyBuilder.DefineMethod("Create", MethodAttributes.Public | MethodAttributes.Static, typeof(GrainReference), [typeof(GrainBinding), typeof(GrainId)]);
        il = factoryMethod.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Newobj, constructor);
        il.Emit(OpCodes.Ret);

        var descriptors = new GrainMethodDescriptor[methods.Count];
        var descriptorFields = new FieldBuilder[methods.Count];
        var requestTypes = new TypeBuilder[methods.Count];
        for (var i = 0; i < methods.Count; i++)
        {
            var (method, shape) = methods[i];
            descriptors[i] = new GrainMethodDescriptor(method, AdmissionOf(method), method.IsDefined(typeof(OneWayAttribute), inherit: false));
            descriptorFields[i] = proxyBuilder.DefineField($"Method{i}", typeof(GrainMethodDescriptor), FieldAttributes.Public | FieldAttributes.Static);
            requestTypes[i] = EmitProxyMethod(proxyBuilder, $"{proxyName}_{Sanitize(method.Name)}Request{i}", interfaceType, method, shape, descriptorFields[i]);
        }

        foreach (var requestType in requestTypes)
        {
            requestType.CreateType();
        }

        var proxyType = proxyBuilder.CreateType();
        for (var i = 0; i < descriptors.Length; i++)
        {
            proxyType.GetField($"Method{i}")!.SetValue(null, descriptors[i]);
        }

        var factory = proxyType.GetMethod("Create")!.CreateDelegate<Func<GrainBinding, GrainId, GrainReference>>();
        return new GrainProxyType(interfaceType, factory);
    }

    private static TypeBuilder EmitProxyMethod(TypeBuilder proxyBuilder, string requestName, Type interfaceType, MethodInfo method, MethodShape shape, FieldInfo descriptorField)
    {
        var parameters = method.GetParameters();
        var parameterTypes = Array.ConvertAll(parameters, static p => p.ParameterType);

        // The request class: arguments as fields, Invoke calls the interface method on the grain.
        var requestBase = shape.RequestBase;
        var requestBuilder = s_module.DefineType(requestName, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, requestBase);
        var requestConstructor = requestBuilder.DefineDefaultConstructor(MethodAttributes.Public);
        var argumentFields = new FieldBuilder[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            argumentFields[i] = requestBuilder.DefineField($"Argument{i}", parameterTypes[i], FieldAttributes.Public);
        }

        var baseInvoke = requestBase.GetMethod("Invoke", [typeof(object)])!;
        var invoke = requestBuilder.DefineMethod("Invoke", MethodAttributes.Public | MethodAttributes.Virtual | MethodAttributes.HideBySig | MethodAttributes.Final, baseInvoke.ReturnType, [typeof(object)]);
        var il = invoke.GetILGenerator();
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Castclass, interfaceType);
        foreach (var field in argumentFields)
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldfld, field);
        }

        il.Emit(OpCodes.Callvirt, method);
        il.Emit(OpCodes.Ret);
        requestBuilder.DefineMethodOverride(invoke, baseInvoke);

        // The interface method on the proxy: new request, store arguments, hand it to GrainReference.Invoke*.
        var implementation = proxyBuilder.DefineMethod(
            $"{interfaceType.FullName}.{method.Name}",
            MethodAttributes.Private | MethodAttributes.Virtual | MethodAttributes.Final | MethodAttributes.HideBySig | MethodAttributes.NewSlot,
            method.ReturnType,
            parameterTypes);
        for (var i = 0; i < parameters.Length; i++)
        {
            implementation.DefineParameter(i + 1, ParameterAttributes.None, parameters[i].Name);
        }

        il = implementation.GetILGenerator();
        var request = il.DeclareLocal(requestBuilder);
        il.Emit(OpCodes.Newobj, requestConstructor);
        il.Emit(OpCodes.Stloc, request);
        for (var i = 0; i < parameters.Length; i++)
        {
            il.Emit(OpCodes.Ldloc, request);
            il.Emit(OpCodes.Ldarg, (short)(i + 1));
            il.Emit(OpCodes.Stfld, argumentFields[i]);
        }

        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldloc, request);
        il.Emit(OpCodes.Ldsfld, descriptorField);
        il.Emit(OpCodes.Call, shape.InvokeMethod);
        il.Emit(OpCodes.Ret);
        proxyBuilder.DefineMethodOverride(implementation, method);
        return requestBuilder;
    }

    private static List<(MethodInfo Method, MethodShape Shape)> CollectMethods(Type interfaceType)
    {
        var result = new List<(MethodInfo, MethodShape)>();
        IEnumerable<Type> interfaces = [interfaceType, .. interfaceType.GetInterfaces()];
        foreach (var type in interfaces.OrderBy(static t => t.FullName, StringComparer.Ordinal))
        {
            if (type.GetProperties().Length > 0 || type.GetEvents().Length > 0)
            {
                throw new UnsupportedGrainInterfaceException(type, "grain interfaces may declare only methods (no properties or events)");
            }

            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).OrderBy(static m => m.MetadataToken))
            {
                result.Add((method, ShapeOf(type, method)));
            }
        }

        return result;
    }

    private static MethodShape ShapeOf(Type interfaceType, MethodInfo method)
    {
        if (method.IsGenericMethodDefinition)
        {
            throw new UnsupportedGrainInterfaceException(interfaceType, $"method {method.Name} is generic; the in-process runtime supports only non-generic grain methods");
        }

        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType.IsByRef || parameter.ParameterType.IsPointer || parameter.ParameterType.IsByRefLike)
            {
                throw new UnsupportedGrainInterfaceException(interfaceType, $"parameter '{parameter.Name}' of method {method.Name} is passed by reference or is a pointer or ref struct");
            }

            GrantAccessTo(parameter.ParameterType);
        }

        GrantAccessTo(method.ReturnType);
        var isOneWay = method.IsDefined(typeof(OneWayAttribute), inherit: false);
        var returnType = method.ReturnType;
        MethodShape shape;
        if (returnType == typeof(Task))
        {
            shape = new MethodShape(typeof(TaskRequest), InvokeMethod(nameof(GrainReference.InvokeTaskMethod), null));
        }
        else if (returnType == typeof(ValueTask))
        {
            shape = new MethodShape(typeof(ValueTaskRequest), InvokeMethod(nameof(GrainReference.InvokeValueTaskMethod), null));
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var result = returnType.GetGenericArguments()[0];
            shape = new MethodShape(typeof(TaskRequest<>).MakeGenericType(result), InvokeMethod(nameof(GrainReference.InvokeTaskOfTMethod), result));
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var result = returnType.GetGenericArguments()[0];
            shape = new MethodShape(typeof(ValueTaskRequest<>).MakeGenericType(result), InvokeMethod(nameof(GrainReference.InvokeValueTaskOfTMethod), result));
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
        {
            var element = returnType.GetGenericArguments()[0];
            shape = new MethodShape(typeof(AsyncEnumerableRequest<>).MakeGenericType(element), InvokeMethod(nameof(GrainReference.InvokeAsyncEnumerableMethod), element));
        }
        else
        {
            throw new UnsupportedGrainInterfaceException(interfaceType, $"method {method.Name} returns {returnType}; grain methods return Task, Task<T>, ValueTask, ValueTask<T> or IAsyncEnumerable<T>");
        }

        if (isOneWay && returnType != typeof(Task) && returnType != typeof(ValueTask))
        {
            throw new UnsupportedGrainInterfaceException(interfaceType, $"method {method.Name} is [OneWay] but returns {returnType}; one-way methods return Task or ValueTask");
        }

        return shape;
    }

    private static MethodInfo InvokeMethod(string name, Type? typeArgument)
    {
        var method = typeof(GrainReference).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Instance)!;
        return typeArgument is null ? method : method.MakeGenericMethod(typeArgument);
    }

    private static AdmissionKind AdmissionOf(MethodInfo method)
    {
        if (method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: false))
        {
            return AdmissionKind.AlwaysInterleave;
        }

        return method.IsDefined(typeof(ReadOnlyAttribute), inherit: false) ? AdmissionKind.ReadOnly : AdmissionKind.Normal;
    }

    /// <summary>Lets generated code use <paramref name="type"/> (and its parts) even when they are not public.</summary>
    private static void GrantAccessTo(Type type)
    {
        if (type.HasElementType)
        {
            GrantAccessTo(type.GetElementType()!);
            return;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                GrantAccessTo(argument);
            }
        }

        for (var current = type; current is not null; current = current.DeclaringType)
        {
            if (!(current.IsPublic || current.IsNestedPublic) && !current.IsGenericParameter)
            {
                GrantAccessToAssembly(current.Assembly);
                return;
            }
        }
    }

    private static void GrantAccessToAssembly(Assembly assembly)
    {
        var name = assembly.GetName().Name!;
        if (!s_accessGranted.Add(name))
        {
            return;
        }

        s_ignoresAccessChecksConstructor ??= DefineIgnoresAccessChecksToAttribute();
        s_assembly.SetCustomAttribute(new CustomAttributeBuilder(s_ignoresAccessChecksConstructor, [name]));
    }

    /// <summary>
    /// Defines <c>System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute</c> in the dynamic assembly; the
    /// runtime honours it (as for <c>DispatchProxy</c>) and lets generated code see the named assembly's non-public types.
    /// </summary>
    private static ConstructorInfo DefineIgnoresAccessChecksToAttribute()
    {
        var builder = s_module.DefineType("System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(Attribute));
        var nameField = builder.DefineField("_assemblyName", typeof(string), FieldAttributes.Private | FieldAttributes.InitOnly);
        var constructor = builder.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, [typeof(string)]);
        var il = constructor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, typeof(Attribute).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)!);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Stfld, nameField);
        il.Emit(OpCodes.Ret);

        var getter = builder.DefineMethod("get_AssemblyName", MethodAttributes.Public | MethodAttributes.HideBySig | MethodAttributes.SpecialName, typeof(string), Type.EmptyTypes);
        il = getter.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, nameField);
        il.Emit(OpCodes.Ret);
        builder.DefineProperty("AssemblyName", PropertyAttributes.None, typeof(string), null).SetGetMethod(getter);

        var usage = typeof(AttributeUsageAttribute);
        builder.SetCustomAttribute(new CustomAttributeBuilder(
            usage.GetConstructor([typeof(AttributeTargets)])!,
            [AttributeTargets.Assembly],
            [usage.GetProperty(nameof(AttributeUsageAttribute.AllowMultiple))!],
            [true]));
        return builder.CreateType().GetConstructor([typeof(string)])!;
    }

    private static string Sanitize(string name)
    {
        Span<char> buffer = stackalloc char[name.Length];
        for (var i = 0; i < name.Length; i++)
        {
            buffer[i] = char.IsLetterOrDigit(name[i]) ? name[i] : '_';
        }

        return new string(buffer);
    }

    /// <summary>The request base class and the <see cref="GrainReference"/> invoke method for one return-type shape.</summary>
    private readonly record struct MethodShape(Type RequestBase, MethodInfo InvokeMethod);
}
