namespace Orleans.Concurrency;

/// <summary>On a grain interface method: requests to it interleave with any other request, writes included.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute
{
}
