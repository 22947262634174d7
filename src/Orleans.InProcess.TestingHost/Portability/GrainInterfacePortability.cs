using System.Collections.Immutable;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Orleans.TestingHost;

/// <summary>
/// Checks that grain interfaces stay portable to real Orleans: every method returns <c>Task</c>, <c>Task&lt;T&gt;</c>,
/// <c>ValueTask</c>, <c>ValueTask&lt;T&gt;</c> or <c>IAsyncEnumerable&lt;T&gt;</c>, has at most one
/// <see cref="CancellationToken"/> (last), no by-reference parameters and no generic type parameters, and every
/// argument and result type is serializable or immutable the way Orleans requires. The in-process runtime passes
/// arguments by reference, so this check is also what keeps that safe.
/// </summary>
/// <remarks>
/// <para>A type is accepted when it is a primitive, <see cref="string"/>, an enum or a known-immutable framework type
/// (<see cref="Guid"/>, <see cref="DateTime"/>, <see cref="TimeSpan"/>, ...); a grain interface (references are
/// serializable); marked <c>[GenerateSerializer]</c> or <c>[Immutable]</c>; or an immutable record (every instance
/// field read-only, every property get- or init-only) whose members are themselves accepted. Containers are unwrapped
/// and their element types checked: arrays, <see cref="Nullable{T}"/>, read-only collection interfaces, immutable
/// collections, tuples, <see cref="KeyValuePair{TKey, TValue}"/>, <c>Immutable&lt;T&gt;</c>, and the generic
/// arguments of accepted generic types. Mutable collections such as <see cref="List{T}"/> are rejected.</para>
/// <para>Attributes and Orleans types are matched by full name, so the checker works the same against the
/// in-process stand-in and against the real Orleans packages.</para>
/// </remarks>
public static class GrainInterfacePortability
{
    private static readonly HashSet<Type> s_knownImmutable =
    [
        typeof(string), typeof(decimal), typeof(Guid), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan),
        typeof(DateOnly), typeof(TimeOnly), typeof(Uri), typeof(Version), typeof(BigInteger), typeof(Half),
        typeof(Int128), typeof(UInt128), typeof(CancellationToken),
    ];

    private static readonly HashSet<Type> s_unwrappedGenerics =
    [
        typeof(Nullable<>), typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IReadOnlyDictionary<,>),
        typeof(IReadOnlySet<>), typeof(KeyValuePair<,>), typeof(ImmutableArray<>), typeof(ImmutableList<>),
        typeof(ImmutableDictionary<,>), typeof(ImmutableSortedDictionary<,>), typeof(ImmutableHashSet<>),
        typeof(ImmutableSortedSet<>), typeof(ImmutableQueue<>), typeof(ImmutableStack<>), typeof(IImmutableList<>),
        typeof(IImmutableDictionary<,>), typeof(IImmutableSet<>), typeof(IImmutableQueue<>), typeof(IImmutableStack<>),
        typeof(ValueTuple<>), typeof(ValueTuple<,>), typeof(ValueTuple<,,>), typeof(ValueTuple<,,,>), typeof(ValueTuple<,,,,>),
        typeof(ValueTuple<,,,,,>), typeof(ValueTuple<,,,,,,>), typeof(Tuple<>), typeof(Tuple<,>), typeof(Tuple<,,>),
        typeof(Tuple<,,,>), typeof(Tuple<,,,,>), typeof(Tuple<,,,,,>), typeof(Tuple<,,,,,,>),
    ];

    /// <summary>Every grain interface declared in <paramref name="assemblies"/>, ordered by full name.</summary>
    public static IReadOnlyList<Type> FindGrainInterfaces(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return assemblies
            .Distinct()
            .SelectMany(LoadableTypes)
            .Where(IsGrainInterface)
            .Distinct()
            .OrderBy(static t => t.FullName, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Checks every grain interface declared in <paramref name="assemblies"/>; violations in deterministic order.</summary>
    public static IReadOnlyList<PortabilityViolation> Check(IEnumerable<Assembly> assemblies)
    {
        var violations = new List<PortabilityViolation>();
        foreach (var grainInterface in FindGrainInterfaces(assemblies))
        {
            violations.AddRange(CheckInterface(grainInterface));
        }

        return violations;
    }

    /// <summary>Checks every grain interface declared in <paramref name="assemblies"/>.</summary>
    public static IReadOnlyList<PortabilityViolation> Check(params Assembly[] assemblies) => Check((IEnumerable<Assembly>)assemblies);

    /// <summary>Checks one grain interface (its own methods, not those of the interfaces it extends).</summary>
    public static IReadOnlyList<PortabilityViolation> CheckInterface(Type grainInterface)
    {
        ArgumentNullException.ThrowIfNull(grainInterface);
        if (!IsGrainInterface(grainInterface))
        {
            throw new ArgumentException($"{grainInterface.FullName} is not a grain interface (an interface deriving from Orleans.IGrain).", nameof(grainInterface));
        }

        var violations = new List<PortabilityViolation>();
        var methods = grainInterface
            .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(static m => (Method: m, Signature: Signature(m)))
            .OrderBy(static m => m.Signature, StringComparer.Ordinal);
        foreach (var (method, signature) in methods)
        {
            new MethodChecker(grainInterface, method, signature, violations).Run();
        }

        return violations;
    }

    /// <summary>Throws <see cref="GrainInterfacePortabilityException"/> listing every violation in <paramref name="assemblies"/>.</summary>
    public static void AssertPortable(IEnumerable<Assembly> assemblies)
    {
        var violations = Check(assemblies);
        if (violations.Count > 0)
        {
            throw new GrainInterfacePortabilityException(violations);
        }
    }

    /// <summary>Whether <paramref name="type"/> is a grain interface: an interface deriving from <c>Orleans.IGrain</c>, other than the key-kind markers.</summary>
    public static bool IsGrainInterface(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!type.IsInterface || type.Namespace == "Orleans")
        {
            return false;
        }

        return type.GetInterfaces().Any(static i => i.FullName == "Orleans.IGrain");
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.Where(static t => t is not null)!;
        }
    }

    private static string Signature(MethodInfo method)
        => $"{method.Name}({string.Join(", ", method.GetParameters().Select(static p => TypeName(p.ParameterType)))})";

    internal static string TypeName(Type type)
    {
        if (type.IsArray)
        {
            return $"{TypeName(type.GetElementType()!)}[]";
        }

        if (type.IsByRef)
        {
            return $"{TypeName(type.GetElementType()!)}&";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name;
        var tick = name.IndexOf('`');
        var builder = new StringBuilder(tick >= 0 ? name[..tick] : name).Append('<');
        builder.AppendJoin(", ", type.GetGenericArguments().Select(TypeName));
        return builder.Append('>').ToString();
    }

    private static bool HasAttribute(MemberInfo member, string fullName)
        => member.GetCustomAttributesData().Any(a => a.AttributeType.FullName == fullName);

    private static bool HasAttribute(ParameterInfo parameter, string fullName)
        => parameter.GetCustomAttributesData().Any(a => a.AttributeType.FullName == fullName);

    /// <summary>Checks one method and records its violations.</summary>
    private sealed class MethodChecker(Type grainInterface, MethodInfo method, string signature, List<PortabilityViolation> violations)
    {
        private readonly HashSet<Type> _visiting = [];

        public void Run()
        {
            if (method.IsGenericMethodDefinition)
            {
                Add("method", PortabilityRule.GenericMethod, null, "grain methods must not be generic");
            }

            CheckReturn();
            CheckParameters();
        }

        private void CheckReturn()
        {
            var returnType = method.ReturnType;
            if (returnType == typeof(Task) || returnType == typeof(ValueTask))
            {
                return;
            }

            if (returnType.IsGenericType)
            {
                var definition = returnType.GetGenericTypeDefinition();
                if (definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>))
                {
                    var result = returnType.GetGenericArguments()[0];
                    var immutableReturn = HasAttribute(method.ReturnParameter, "Orleans.ImmutableAttribute");
                    if (!immutableReturn)
                    {
                        CheckType(result, "return");
                    }

                    return;
                }
            }

            Add("return", PortabilityRule.ReturnType, returnType,
                $"returns {TypeName(returnType)}; grain methods return Task, Task<T>, ValueTask, ValueTask<T> or IAsyncEnumerable<T>");
        }

        private void CheckParameters()
        {
            var parameters = method.GetParameters();
            var tokenCount = parameters.Count(static p => p.ParameterType == typeof(CancellationToken));
            var tokensSeen = 0;
            for (var i = 0; i < parameters.Length; i++)
            {
                var parameter = parameters[i];
                var location = $"parameter '{parameter.Name}'";
                var type = parameter.ParameterType;
                if (type.IsByRef || type.IsPointer)
                {
                    Add(location, PortabilityRule.ByReferenceParameter, type, "grain method parameters must be passed by value (no ref, out, in or pointers)");
                    continue;
                }

                if (type == typeof(CancellationToken))
                {
                    if (++tokensSeen > 1)
                    {
                        Add(location, PortabilityRule.CancellationToken, type, "a grain method may take at most one CancellationToken");
                    }
                    else if (tokenCount == 1 && i != parameters.Length - 1)
                    {
                        Add(location, PortabilityRule.CancellationToken, type, "the CancellationToken must be the last parameter");
                    }

                    continue;
                }

                if (!HasAttribute(parameter, "Orleans.ImmutableAttribute"))
                {
                    CheckType(type, location);
                }
            }
        }

        private void CheckType(Type type, string path)
        {
            if (type.IsPrimitive || type.IsEnum || s_knownImmutable.Contains(type) || IsGrainInterfaceReference(type))
            {
                return;
            }

            if (type.IsGenericParameter)
            {
                // Open generic interfaces are checked with their type parameters; the closed use site decides.
                return;
            }

            if (type.IsArray)
            {
                CheckType(type.GetElementType()!, $"{path} → element of {TypeName(type)}");
                return;
            }

            if (type.IsGenericType && (s_unwrappedGenerics.Contains(type.GetGenericTypeDefinition()) || type.GetGenericTypeDefinition().FullName == "Orleans.Concurrency.Immutable`1"))
            {
                CheckGenericArguments(type, path);
                return;
            }

            if (HasAttribute(type, "Orleans.GenerateSerializerAttribute") || HasAttribute(type, "Orleans.ImmutableAttribute"))
            {
                if (type.IsGenericType)
                {
                    CheckGenericArguments(type, path);
                }

                return;
            }

            if (IsRecord(type))
            {
                CheckRecord(type, path);
                return;
            }

            Add(path, PortabilityRule.NotSerializable, type,
                $"{TypeName(type)} is not serializable or immutable: mark it [GenerateSerializer] (with [Id] members) or [Immutable], make it an immutable record, or use a read-only/immutable collection");
        }

        private void CheckGenericArguments(Type type, string path)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                CheckType(argument, $"{path} → {TypeName(argument)} in {TypeName(type)}");
            }
        }

        private void CheckRecord(Type type, string path)
        {
            if (!_visiting.Add(type))
            {
                // A recursive record (a tree of itself) is checked once.
                return;
            }

            try
            {
                // Every instance field of the record and its base records holds its state (auto-properties included,
                // through their backing fields): all must be read-only and of portable types.
                for (var level = type; level is not null && level != typeof(object) && level != typeof(ValueType); level = level.BaseType)
                {
                    var fields = level.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly);
                    foreach (var field in fields.OrderBy(static f => f.Name, StringComparer.Ordinal))
                    {
                        var member = BackingPropertyName(field) ?? field.Name;
                        var location = $"{path} → {TypeName(type)}.{member}";
                        if (!field.IsInitOnly)
                        {
                            Add(location, PortabilityRule.NotSerializable, type,
                                $"record {TypeName(type)} is mutable: {member} can be assigned after construction (use init-only or get-only members, or mark the type [GenerateSerializer])");
                            continue;
                        }

                        CheckType(field.FieldType, location);
                    }
                }
            }
            finally
            {
                _visiting.Remove(type);
            }
        }

        private static string? BackingPropertyName(FieldInfo field)
        {
            // Auto-property backing fields are named <Name>k__BackingField.
            var name = field.Name;
            return name.StartsWith('<') && name.IndexOf('>') is var end and > 1 ? name[1..end] : null;
        }

        private static bool IsRecord(Type type)
            => type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null
                || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is { } print
                    && print.IsDefined(typeof(CompilerGeneratedAttribute)));

        private static bool IsGrainInterfaceReference(Type type)
            => type.IsInterface && (type.FullName is "Orleans.Runtime.IAddressable" || type.GetInterfaces().Any(static i => i.FullName == "Orleans.Runtime.IAddressable"));

        private void Add(string location, PortabilityRule rule, Type? offendingType, string reason)
            => violations.Add(new PortabilityViolation(grainInterface, signature, location, rule, offendingType, reason));
    }
}
