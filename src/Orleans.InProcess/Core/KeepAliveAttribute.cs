namespace Orleans;

/// <summary>On a grain class: its activations are never collected for being idle.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class KeepAliveAttribute : Attribute
{
}
