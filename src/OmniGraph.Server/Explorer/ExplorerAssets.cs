using System.Collections.Frozen;
using System.Security.Cryptography;

namespace OmniGraph.Server.Explorer;

/// <summary>
/// The explorer's static files (docs/explorer.md), embedded in the server assembly at build time
/// (<c>Explorer/wwwroot</c>, logical names <c>explorer/…</c>): nothing to build or install for users, and the page
/// always matches the server that serves it. Read once, each with its content type and a content-hash ETag.
/// </summary>
internal sealed class ExplorerAssets
{
    private const string Prefix = "explorer/";
    private readonly FrozenDictionary<string, ExplorerAsset> _assets;

    private ExplorerAssets(FrozenDictionary<string, ExplorerAsset> assets) => _assets = assets;

    /// <summary>The assets embedded in the server assembly.</summary>
    public static ExplorerAssets Embedded { get; } = Load();

    /// <summary>The asset at <paramref name="path"/> (relative to <c>wwwroot</c>, for example <c>js/main.js</c>), or <c>null</c>.</summary>
    public ExplorerAsset? Find(string path) => _assets.GetValueOrDefault(path);

    private static ExplorerAssets Load()
    {
        var assembly = typeof(ExplorerAssets).Assembly;
        var assets = new Dictionary<string, ExplorerAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var path = name[Prefix.Length..].Replace('\\', '/');
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"";
            assets[path] = new ExplorerAsset(content, ContentType(path), etag);
        }

        return new ExplorerAssets(assets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}

/// <summary>One embedded file of the explorer.</summary>
/// <param name="Content">Its bytes.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="ETag">A strong entity tag from its content hash.</param>
internal sealed record ExplorerAsset(byte[] Content, string ContentType, string ETag);
