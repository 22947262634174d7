namespace OmniGraph.Engine;

/// <summary>
/// An update that matches rows assigns a member of the type's <c>@key</c>: <c>cannot update @key property 'name' — delete
/// and re-insert instead</c>. Keys are node ids, so they are immutable. An update that matches nothing is not refused.
/// Nothing was written. Code <c>key_update_rejected</c> (HTTP 400).
/// </summary>
public sealed class KeyPropertyUpdateException : OmniGraphException
{
    public KeyPropertyUpdateException(string typeName, string propertyName)
        : base(MutationErrorCodes.KeyUpdateRejected, $"cannot update @key property '{propertyName}' — delete and re-insert instead")
    {
        TypeName = typeName;
        PropertyName = propertyName;
    }

    /// <summary>The node type.</summary>
    public string TypeName { get; }

    /// <summary>The key property the update assigns.</summary>
    public string PropertyName { get; }
}
