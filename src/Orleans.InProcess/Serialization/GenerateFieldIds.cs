namespace Orleans;

/// <summary>Which members the serializer generator assigns implicit field ids to.</summary>
public enum GenerateFieldIds
{
    /// <summary>Only members with an explicit <see cref="IdAttribute"/>.</summary>
    None,

    /// <summary>Every public property.</summary>
    PublicProperties,
}
