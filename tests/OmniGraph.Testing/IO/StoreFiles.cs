namespace OmniGraph.Testing.IO;

/// <summary>
/// The files of a graph kept in a local directory store, as a person (or a failing disk) would see them: object
/// <c>a/b.json</c> is the file <c>a/b.json.og-obj</c> under the root. For tests that damage stored data from outside.
/// </summary>
public static class StoreFiles
{
    /// <summary>The suffix of every object file.</summary>
    public const string ObjectSuffix = ".og-obj";

    /// <summary>The file of object <paramref name="key"/>.</summary>
    public static string PathOf(string root, string key) => Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar) + ObjectSuffix);

    /// <summary>The key of an object file (the inverse of <see cref="PathOf"/>).</summary>
    public static string KeyOf(string root, string file) =>
        Path.GetRelativePath(root, file)[..^ObjectSuffix.Length].Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The keys of every object whose key starts with <paramref name="prefix"/>, sorted.</summary>
    public static IReadOnlyList<string> Keys(string root, string prefix = "")
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(root, "*" + ObjectSuffix, SearchOption.AllDirectories)
            .Select(f => KeyOf(root, f))
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Whether object <paramref name="key"/> exists.</summary>
    public static bool Exists(string root, string key) => File.Exists(PathOf(root, key));

    /// <summary>Deletes object <paramref name="key"/>'s file.</summary>
    public static void Delete(string root, string key) => File.Delete(PathOf(root, key));

    /// <summary>Copies a whole store directory (a backup, or a pristine copy a test damages).</summary>
    public static void CopyTree(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }
}
