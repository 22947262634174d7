namespace OmniGraph.Arrow;

/// <summary>Resolution of a timestamp. The numeric values are Arrow's <c>TimeUnit</c> enum values.</summary>
public enum ArrowTimeUnit : short
{
    Second = 0,
    Millisecond = 1,
    Microsecond = 2,
    Nanosecond = 3,
}
