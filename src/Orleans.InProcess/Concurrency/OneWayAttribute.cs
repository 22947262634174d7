namespace Orleans.Concurrency;

/// <summary>
/// On a grain interface method returning <see cref="Task"/> or <see cref="ValueTask"/>: fire and forget. The
/// call returns as soon as the request is dispatched; the result (including failures) is not reported to the caller.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute
{
}
