namespace OmniGraph.Storage.Azure;

/// <summary>
/// The <c>az://CONTAINER/PREFIX</c> location form: a blob container of the configured account and an optional key
/// prefix inside it (<c>az://graphs</c>, <c>az://graphs/tenants/t1</c>). The account is not part of the location; it
/// comes from the provider's <see cref="AzureBlobAccountOptions"/>.
/// </summary>
/// <param name="ContainerName">The container.</param>
/// <param name="Prefix">The key prefix without a trailing <c>'/'</c>; empty for the whole container.</param>
public sealed record AzureBlobLocation(string ContainerName, string Prefix)
{
    /// <summary>The scheme, <c>az</c>.</summary>
    public const string Scheme = "az";

    private const string SchemePrefix = Scheme + "://";

    /// <summary>The canonical text: <c>az://container</c> or <c>az://container/prefix</c>.</summary>
    public override string ToString() => Prefix.Length == 0 ? SchemePrefix + ContainerName : $"{SchemePrefix}{ContainerName}/{Prefix}";

    /// <summary>Parses an <c>az://</c> location (the scheme in any case; a trailing <c>'/'</c> is ignored).</summary>
    /// <exception cref="InvalidObjectStoreUriException">It is not an <c>az://</c> location, or its container or prefix is invalid.</exception>
    public static AzureBlobLocation Parse(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!location.StartsWith(SchemePrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidObjectStoreUriException(location, "an Azure Blob location starts with az://");
        }

        var rest = location[SchemePrefix.Length..];
        if (rest.IndexOfAny(['?', '#']) >= 0)
        {
            throw new InvalidObjectStoreUriException(location, "an Azure Blob location has no query or fragment (az://container/prefix); the account comes from the provider's settings");
        }

        rest = rest.TrimEnd('/');
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var container = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..];
        if (FindContainerNameViolation(container) is { } containerProblem)
        {
            throw new InvalidObjectStoreUriException(location, containerProblem);
        }

        if (prefix.Length > 0 && ObjectKey.FindKeyViolation(prefix) is { } prefixProblem)
        {
            throw new InvalidObjectStoreUriException(location, $"the key prefix '{prefix}' is not valid: {prefixProblem}");
        }

        return new AzureBlobLocation(container, prefix);
    }

    /// <summary>
    /// Returns why <paramref name="name"/> is not a blob container name (3 to 63 characters: lower-case letters,
    /// digits and hyphens, starting and ending with a letter or digit, no two hyphens in a row), or <c>null</c>.
    /// </summary>
    public static string? FindContainerNameViolation(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is < 3 or > 63)
        {
            return $"a container name has 3 to 63 characters ('{name}' has {name.Length})";
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return $"a container name uses only lower-case letters, digits and '-' ('{name}')";
            }
        }

        if (name[0] == '-' || name[^1] == '-' || name.Contains("--", StringComparison.Ordinal))
        {
            return $"a container name starts and ends with a letter or digit and has no '--' ('{name}')";
        }

        return null;
    }
}
