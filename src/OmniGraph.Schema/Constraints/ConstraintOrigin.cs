namespace OmniGraph.Schema;

/// <summary>Where a constraint was written; the printer uses it to write the constraint back in place.</summary>
public enum ConstraintOrigin : byte
{
    /// <summary>A body item such as <c>@unique(a, b)</c>.</summary>
    Body,

    /// <summary>A bare property annotation (<c>@key</c>, <c>@unique</c>, <c>@index</c>) on the owner's own property.</summary>
    PropertyAnnotation,

    /// <summary>A property annotation on an interface property injected by <c>implements</c>.</summary>
    Interface,
}
