using System.Collections.Concurrent;
using System.Reflection;

namespace OmniGraph;

/// <summary>Makes an <see cref="OmniGraphException"/> of a given type from its parts (one compiled constructor call per type).</summary>
internal static class OmniGraphExceptionFactory
{
    private static readonly Type[] s_signature = [typeof(string), typeof(string), typeof(ErrorDetails), typeof(Exception)];
    private static readonly ConcurrentDictionary<Type, Func<string, string, ErrorDetails, Exception?, OmniGraphException>> s_constructors = new();

    public static OmniGraphException Create(Type type, string code, string message, ErrorDetails details, Exception? innerException)
    {
        ArgumentNullException.ThrowIfNull(type);
        return s_constructors.GetOrAdd(type, Find)(code, message, details, innerException);
    }

    private static Func<string, string, ErrorDetails, Exception?, OmniGraphException> Find(Type type)
    {
        if (!typeof(OmniGraphException).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ArgumentException($"{type} is not a concrete OmniGraphException", nameof(type));
        }

        var constructor = type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, s_signature)
            ?? throw new ArgumentException($"{type} has no constructor (string code, string message, ErrorDetails details, Exception? innerException)", nameof(type));
        return (code, message, details, inner) => (OmniGraphException)constructor.Invoke([code, message, details, inner]);
    }
}
