namespace Orleans.Providers;

/// <summary>Well-known provider names.</summary>
public static class ProviderConstants
{
    // The name mirrors Orleans exactly so code using it compiles against either; it predates .NET naming rules.
#pragma warning disable IDE1006
    /// <summary>The name of the storage provider used when a <see cref="Runtime.PersistentStateAttribute"/> names none.</summary>
    public const string DEFAULT_STORAGE_PROVIDER_NAME = "Default";
#pragma warning restore IDE1006
}
