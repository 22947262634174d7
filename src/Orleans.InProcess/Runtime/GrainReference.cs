using System.Diagnostics.CodeAnalysis;
using Orleans.InProcess;
using Orleans.InProcess.Activation;
using Orleans.InProcess.Enumeration;
using Orleans.InProcess.Invocation;

namespace Orleans.Runtime;

/// <summary>
/// A reference to a grain: its identity plus the means to call it. Getting a reference never activates the
/// grain; the first call does. References stay valid across deactivations. Typed references are runtime-generated
/// subclasses implementing the grain interface; each interface method packs its arguments into a request and
/// hands it to the <c>Invoke*Method</c> members here (infrastructure for the generated code, not for grain code).
/// </summary>
public abstract class GrainReference : IAddressable, IEquatable<GrainReference>
{
    private readonly GrainBinding _binding;

    /// <summary>Creates a reference (called by generated proxies).</summary>
    protected GrainReference(GrainBinding binding, GrainId grainId)
    {
        ArgumentNullException.ThrowIfNull(binding);
        _binding = binding;
        GrainId = grainId;
    }

    /// <summary>The grain's identity.</summary>
    public GrainId GrainId { get; }

    /// <summary>The grain interface this reference implements.</summary>
    public Type InterfaceType => _binding.InterfaceType;

    internal GrainBinding Binding => _binding;

    internal InProcessRuntime Runtime => _binding.Runtime;

    /// <summary>
    /// The activation (or stateless-worker pool) calls went to last; re-resolved when it is gone. Written by any
    /// thread without a lock: a stale value only costs one extra lookup.
    /// </summary>
    internal IActivationTarget? CachedTarget { get; set; }

    /// <summary>Calls a method returning <see cref="Task"/>.</summary>
    protected internal Task InvokeTaskMethod(TaskRequest request, GrainMethodDescriptor method)
    {
        request.Prepare(this, method);
        var outcome = Runtime.Dispatch(request);
        if (method.IsOneWay)
        {
            return Task.CompletedTask;
        }

        return outcome == DispatchOutcome.CompletedInline ? request.GrainTask : request.Promise;
    }

    /// <summary>Calls a method returning <see cref="Task{TResult}"/>.</summary>
    protected internal Task<TResult> InvokeTaskOfTMethod<TResult>(TaskRequest<TResult> request, GrainMethodDescriptor method)
    {
        request.Prepare(this, method);
        return Runtime.Dispatch(request) == DispatchOutcome.CompletedInline ? request.GrainTask : request.Promise;
    }

    /// <summary>Calls a method returning <see cref="ValueTask"/>.</summary>
    protected internal ValueTask InvokeValueTaskMethod(ValueTaskRequest request, GrainMethodDescriptor method)
    {
        request.Prepare(this, method);
        var outcome = Runtime.Dispatch(request);
        if (method.IsOneWay)
        {
            return default;
        }

        return outcome == DispatchOutcome.CompletedInline ? request.InlineResult : request.Promise;
    }

    /// <summary>Calls a method returning <see cref="ValueTask{TResult}"/>.</summary>
    protected internal ValueTask<TResult> InvokeValueTaskOfTMethod<TResult>(ValueTaskRequest<TResult> request, GrainMethodDescriptor method)
    {
        request.Prepare(this, method);
        return Runtime.Dispatch(request) == DispatchOutcome.CompletedInline ? request.InlineResult : request.Promise;
    }

    /// <summary>Calls a method returning <see cref="IAsyncEnumerable{T}"/>: nothing runs until enumeration starts.</summary>
    protected internal IAsyncEnumerable<T> InvokeAsyncEnumerableMethod<T>(AsyncEnumerableRequest<T> request, GrainMethodDescriptor method)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new GrainAsyncEnumerable<T>(this, request, method);
    }

    public bool Equals([NotNullWhen(true)] GrainReference? other)
        => other is not null && GrainId.Equals(other.GrainId) && ReferenceEquals(Runtime, other.Runtime);

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is GrainReference other && Equals(other);

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => $"GrainReference:{GrainId} ({InterfaceType.Name})";
}
