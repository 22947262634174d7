using System.Reflection;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Orleans.InProcess.Discovery;

/// <summary>
/// Finds grain classes, the way Orleans' application parts do without code generation: every non-abstract class
/// deriving from <see cref="Grain"/> or implementing <see cref="IGrainBase"/> in an assembly that references this
/// runtime, among the assemblies already loaded, those reachable from the entry assembly, those loaded later, and
/// those added explicitly (<see cref="InProcessRuntimeOptions.GrainAssemblies"/>).
/// </summary>
internal sealed class GrainClassRegistry : IDisposable
{
    private static readonly string s_runtimeAssemblyName = typeof(Grain).Assembly.GetName().Name!;

    private readonly Lock _lock = new();
    private readonly HashSet<Assembly> _scanned = [];
    private readonly Dictionary<Type, List<GrainClassInfo>> _byInterface = [];
    private readonly Dictionary<GrainType, List<GrainClassInfo>> _byGrainType = [];
    private readonly Dictionary<Type, GrainClassInfo> _byClass = [];
    private readonly List<Type> _genericClasses = [];
    private readonly GrainCollectionOptions _collection;
    private readonly InProcessRuntimeOptions _options;
    private volatile bool _assembliesLoadedSinceScan;
    private bool _initialized;

    internal GrainClassRegistry(GrainCollectionOptions collection, InProcessRuntimeOptions options)
    {
        _collection = collection;
        _options = options;
    }

    /// <summary>Scans the configured assemblies and starts watching for new ones.</summary>
    internal void Initialize()
    {
        lock (_lock)
        {
            if (_initialized)
            {
                return;
            }

            _initialized = true;
            foreach (var assembly in _options.GrainAssemblies)
            {
                ScanLocked(assembly);
            }

            if (_options.ScanLoadedAssemblies)
            {
                AppDomain.CurrentDomain.AssemblyLoad += OnAssemblyLoad;
                ScanLoadedAssembliesLocked();
                ScanEntryAssemblyClosureLocked();
            }
        }
    }

    /// <summary>The class implementing <paramref name="interfaceType"/> (filtered by full-name prefix when given).</summary>
    /// <exception cref="ArgumentException">No class, or several, implement the interface.</exception>
    internal GrainClassInfo ResolveByInterface(Type interfaceType, string? grainClassNamePrefix)
    {
        // References may be created before the silo starts (they do not activate anything), so scan on demand.
        Initialize();
        if (TryResolveByInterface(interfaceType, grainClassNamePrefix, out var result, out var error))
        {
            return result;
        }

        // Assemblies loaded since the last scan may hold the implementation.
        if (RescanIfAssembliesLoaded() && TryResolveByInterface(interfaceType, grainClassNamePrefix, out result, out error))
        {
            return result;
        }

        throw new ArgumentException(error, nameof(interfaceType));
    }

    /// <summary>The class whose grain type is <paramref name="grainType"/>.</summary>
    /// <exception cref="ArgumentException">No class, or several, have that grain type.</exception>
    internal GrainClassInfo ResolveByGrainType(GrainType grainType)
    {
        Initialize();
        if (TryResolveByGrainType(grainType, out var result, out var error))
        {
            return result;
        }

        if (RescanIfAssembliesLoaded() && TryResolveByGrainType(grainType, out result, out error))
        {
            return result;
        }

        throw new ArgumentException(error, nameof(grainType));
    }

    /// <summary>Every registered grain class, ordered by full name (for diagnostics and tests).</summary>
    internal IReadOnlyList<GrainClassInfo> GrainClasses
    {
        get
        {
            lock (_lock)
            {
                return [.. _byClass.Values.OrderBy(static c => c.ClassType.FullName, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The conventional grain type of a class: its name lower-cased, without generic arity or a trailing "grain".</summary>
    internal static GrainType GrainTypeOf(Type classType)
    {
        if (classType.GetCustomAttribute<GrainTypeAttribute>(inherit: false) is { } explicitType)
        {
            return GrainType.Create(explicitType.GrainType);
        }

        var name = classType.Name;
        var arity = name.IndexOf('`');
        if (arity >= 0)
        {
            name = name[..arity];
        }

        name = name.ToLowerInvariant();
        const string Suffix = "grain";
        if (name.Length > Suffix.Length && name.EndsWith(Suffix, StringComparison.Ordinal))
        {
            name = name[..^Suffix.Length];
        }

        return GrainType.Create(name);
    }

    public void Dispose() => AppDomain.CurrentDomain.AssemblyLoad -= OnAssemblyLoad;

    private bool TryResolveByInterface(Type interfaceType, string? prefix, out GrainClassInfo result, out string error)
    {
        lock (_lock)
        {
            _byInterface.TryGetValue(interfaceType, out var candidates);
            var matching = candidates is null ? [] : prefix is null ? candidates
                : candidates.Where(c => c.ClassType.FullName!.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (matching.Count == 1)
            {
                result = CheckUniqueGrainTypeLocked(matching[0], out error)!;
                return result is not null;
            }

            result = null!;
            if (matching.Count == 0)
            {
                var generic = _genericClasses.Where(c => ImplementsOpenForm(c, interfaceType)).Select(static c => c.FullName).ToList();
                error = generic.Count > 0
                    ? $"Grain interface {interfaceType.FullName} is implemented only by generic grain classes ({string.Join(", ", generic)}), which the in-process runtime does not support."
                    : $"No grain class implements grain interface {interfaceType.FullName}{(prefix is null ? string.Empty : $" with a name starting with '{prefix}'")}. "
                      + "Grain classes are found in loaded assemblies that reference Orleans.InProcess; add others with InProcessRuntimeOptions.GrainAssemblies.";
            }
            else
            {
                error = $"Cannot resolve grain interface {interfaceType.FullName}: it is implemented by several grain classes "
                    + $"({string.Join(", ", matching.Select(static c => c.ClassType.FullName).Order(StringComparer.Ordinal))}). "
                    + "Pass a grainClassNamePrefix to GetGrain.";
            }

            return false;
        }
    }

    private bool TryResolveByGrainType(GrainType grainType, out GrainClassInfo result, out string error)
    {
        lock (_lock)
        {
            if (_byGrainType.TryGetValue(grainType, out var candidates))
            {
                result = CheckUniqueGrainTypeLocked(candidates[0], out error)!;
                return result is not null;
            }

            result = null!;
            error = $"No grain class has grain type '{grainType}'.";
            return false;
        }
    }

    private GrainClassInfo? CheckUniqueGrainTypeLocked(GrainClassInfo grainClass, out string error)
    {
        var sameType = _byGrainType[grainClass.GrainType];
        if (sameType.Count == 1)
        {
            error = string.Empty;
            return grainClass;
        }

        error = $"Grain type '{grainClass.GrainType}' is claimed by several grain classes "
            + $"({string.Join(", ", sameType.Select(static c => c.ClassType.FullName).Order(StringComparer.Ordinal))}); "
            + "give each a distinct [GrainType(\"...\")].";
        return null;
    }

    private static bool ImplementsOpenForm(Type genericClass, Type interfaceType)
        => interfaceType.IsGenericType && genericClass.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == interfaceType.GetGenericTypeDefinition());

    private bool RescanIfAssembliesLoaded()
    {
        if (!_assembliesLoadedSinceScan)
        {
            return false;
        }

        lock (_lock)
        {
            _assembliesLoadedSinceScan = false;
            ScanLoadedAssembliesLocked();
        }

        return true;
    }

    private void OnAssemblyLoad(object? sender, AssemblyLoadEventArgs args)
    {
        if (ReferencesRuntime(args.LoadedAssembly))
        {
            _assembliesLoadedSinceScan = true;
        }
    }

    private void ScanLoadedAssembliesLocked()
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (ReferencesRuntime(assembly))
            {
                ScanLocked(assembly);
            }
        }
    }

    private void ScanEntryAssemblyClosureLocked()
    {
        if (Assembly.GetEntryAssembly() is not { } entry)
        {
            return;
        }

        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>();
        pending.Enqueue(entry);
        visited.Add(entry.GetName().Name!);
        while (pending.TryDequeue(out var assembly))
        {
            if (ReferencesRuntime(assembly))
            {
                ScanLocked(assembly);
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is not { } name || IsFrameworkAssembly(name) || !visited.Add(name))
                {
                    continue;
                }

                try
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
                catch (Exception exception) when (exception is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // An optional dependency that is not deployed cannot hold grains this process uses.
                }
            }
        }
    }

    private static bool IsFrameworkAssembly(string name)
        => name.StartsWith("System", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.", StringComparison.Ordinal)
            || name is "mscorlib" or "netstandard" or "WindowsBase";

    private static bool ReferencesRuntime(Assembly assembly)
    {
        if (assembly.IsDynamic)
        {
            return false;
        }

        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            if (reference.Name == s_runtimeAssemblyName)
            {
                return true;
            }
        }

        return false;
    }

    private void ScanLocked(Assembly assembly)
    {
        if (!_scanned.Add(assembly))
        {
            return;
        }

        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            types = partial.Types;
        }

        foreach (var type in types)
        {
            if (type is not null && IsGrainClass(type))
            {
                RegisterLocked(type);
            }
        }
    }

    private static bool IsGrainClass(Type type)
        => type is { IsClass: true, IsAbstract: false }
            && typeof(IGrainBase).IsAssignableFrom(type)
            && type.GetInterfaces().Any(IsGrainInterface);

    /// <summary>An interface grain code calls: derives from <see cref="IGrain"/> and is not one of the key-kind markers.</summary>
    internal static bool IsGrainInterface(Type type)
        => type.IsInterface
            && typeof(IGrain).IsAssignableFrom(type)
            && type != typeof(IGrain)
            && type != typeof(IGrainWithStringKey)
            && type != typeof(IGrainWithGuidKey)
            && type != typeof(IGrainWithIntegerKey)
            && type != typeof(IGrainWithGuidCompoundKey)
            && type != typeof(IGrainWithIntegerCompoundKey);

    private void RegisterLocked(Type classType)
    {
        if (classType.ContainsGenericParameters)
        {
            _genericClasses.Add(classType);
            return;
        }

        var interfaces = classType.GetInterfaces().Where(IsGrainInterface).OrderBy(static i => i.FullName, StringComparer.Ordinal).ToArray();
        var info = new GrainClassInfo(classType, GrainTypeOf(classType), CollectionAgeOf(classType));
        _byClass[classType] = info;
        Add(_byGrainType, info.GrainType, info);
        foreach (var grainInterface in interfaces)
        {
            Add(_byInterface, grainInterface, info);
        }

        static void Add<TKey>(Dictionary<TKey, List<GrainClassInfo>> map, TKey key, GrainClassInfo info)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            list.Add(info);
        }
    }

    private TimeSpan CollectionAgeOf(Type classType)
    {
        if (classType.IsDefined(typeof(KeepAliveAttribute), inherit: true))
        {
            return Timeout.InfiniteTimeSpan;
        }

        if (classType.GetCustomAttribute<CollectionAgeLimitAttribute>(inherit: true) is { } limit)
        {
            return limit.AgeLimit;
        }

        return _collection.ClassSpecificCollectionAge.TryGetValue(classType.FullName!, out var specific)
            ? specific
            : _collection.CollectionAge;
    }
}
