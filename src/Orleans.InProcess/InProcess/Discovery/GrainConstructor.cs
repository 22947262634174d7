using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.InProcess.Activation;
using Orleans.Runtime;

namespace Orleans.InProcess.Discovery;

/// <summary>
/// Builds grain instances. The constructor is chosen as <see cref="ActivatorUtilities"/> would (the one marked
/// <see cref="ActivatorUtilitiesConstructorAttribute"/>, else the only public one); its
/// <see cref="PersistentStateAttribute"/> and <see cref="IGrainContext"/> parameters are supplied by the runtime and
/// every other parameter comes from the activation's service scope. The factory is compiled once per class.
/// </summary>
internal sealed class GrainConstructor
{
    private readonly ObjectFactory _factory;
    private readonly Func<GrainActivation, object>[] _runtimeArguments;

    private GrainConstructor(ObjectFactory factory, Func<GrainActivation, object>[] runtimeArguments)
    {
        _factory = factory;
        _runtimeArguments = runtimeArguments;
    }

    /// <summary>Analyses <paramref name="classType"/> and compiles its factory.</summary>
    /// <exception cref="InvalidOperationException">The class has no usable constructor or a malformed <c>[PersistentState]</c> parameter.</exception>
    internal static GrainConstructor For(Type classType)
    {
        var constructor = ChooseConstructor(classType);
        var argumentTypes = new List<Type>();
        var runtimeArguments = new List<Func<GrainActivation, object>>();
        if (constructor is not null)
        {
            foreach (var parameter in constructor.GetParameters())
            {
                if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } persistentState)
                {
                    argumentTypes.Add(parameter.ParameterType);
                    runtimeArguments.Add(PersistentStateArgument(classType, parameter, persistentState));
                }
                else if (parameter.ParameterType == typeof(IGrainContext))
                {
                    argumentTypes.Add(typeof(IGrainContext));
                    runtimeArguments.Add(static activation => activation);
                }
            }
        }

        var factory = ActivatorUtilities.CreateFactory(classType, [.. argumentTypes]);
        return new GrainConstructor(factory, [.. runtimeArguments]);
    }

    /// <summary>Creates the grain instance.</summary>
    internal object Create(GrainActivation activation, IServiceProvider services)
    {
        var arguments = new object[_runtimeArguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = _runtimeArguments[i](activation);
        }

        return _factory(services, arguments);
    }

    private static ConstructorInfo? ChooseConstructor(Type classType)
    {
        var constructors = classType.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        if (constructors.Length == 0)
        {
            throw new InvalidOperationException($"Grain class {classType.FullName} has no public constructor.");
        }

        var marked = constructors.Where(static c => c.IsDefined(typeof(ActivatorUtilitiesConstructorAttribute), inherit: false)).ToArray();
        if (marked.Length == 1)
        {
            return marked[0];
        }

        if (constructors.Length == 1)
        {
            return constructors[0];
        }

        var needsRuntimeArguments = constructors.Any(static c => c.GetParameters().Any(static p =>
            p.IsDefined(typeof(PersistentStateAttribute), inherit: false) || p.ParameterType == typeof(IGrainContext)));
        if (needsRuntimeArguments)
        {
            throw new InvalidOperationException(
                $"Grain class {classType.FullName} has several public constructors taking [PersistentState] or IGrainContext parameters; "
                + "mark the one to use with [ActivatorUtilitiesConstructor].");
        }

        // Plain dependency injection: let ActivatorUtilities pick among the constructors as usual.
        return null;
    }

    private static Func<GrainActivation, object> PersistentStateArgument(Type classType, ParameterInfo parameter, PersistentStateAttribute configuration)
    {
        var type = parameter.ParameterType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new InvalidOperationException(
                $"Parameter '{parameter.Name}' of grain class {classType.FullName} has [PersistentState] but its type is {type}; it must be IPersistentState<TState>.");
        }

        var create = typeof(GrainConstructor)
            .GetMethod(nameof(CreatePersistentState), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type.GetGenericArguments()[0]);
        return create.CreateDelegate<Func<GrainActivation, object>>(configuration);
    }

    private static object CreatePersistentState<TState>(PersistentStateAttribute configuration, GrainActivation activation)
        => activation.ActivationServices.GetRequiredService<IPersistentStateFactory>().Create<TState>(activation, configuration);
}
