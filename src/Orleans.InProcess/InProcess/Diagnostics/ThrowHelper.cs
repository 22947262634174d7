using System.Diagnostics.CodeAnalysis;
using Orleans.InProcess.Invocation;

namespace Orleans.InProcess;

/// <summary>Cold throw paths, kept out of hot methods.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    internal static T ThrowInvalidOperation<T>(string message) => throw new InvalidOperationException(message);

    internal static InvalidOperationException NullTaskReturned(GrainRequest request)
        => new($"Grain method {request.Method.DisplayName} returned a null task.");
}
