namespace Orleans.Concurrency;

/// <summary>
/// On a grain interface method: a promise that the method does not change the grain's state, so requests to
/// read-only methods interleave with each other (never with requests to other methods).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute
{
}
