namespace Orleans.Concurrency;

/// <summary>
/// On a grain class: requests may interleave at await points (turns still run one at a time).
/// Without it a grain admits one request at a time for the request's whole duration.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute
{
}
