namespace OmniGraph.Storage.Local;

/// <summary>
/// How the local backend names things on disk. Every name it adds contains <see cref="ObjectKey.ReservedMarker"/>,
/// which no key segment may contain, so bookkeeping files can never be mistaken for objects or directories.
/// </summary>
/// <remarks>
/// Object <c>a/b/c.json</c> is the file <c>&lt;root&gt;/a/b/c.json.og-obj</c>. The suffix is what lets
/// <c>a/b</c> and <c>a/b/c</c> both exist, as they may on Azure Blob: the object <c>a/b</c> is the file
/// <c>a/b.og-obj</c> while the prefix <c>a/b/</c> is the directory <c>a/b</c>, and no key segment can end in
/// the suffix, so a directory name and a data file name never collide. Companions live beside the data file:
/// <c>.og-lock.c.json</c> (cross-process lock and lease record) and <c>.og-tmp-&lt;ULID&gt;</c> (a write in
/// progress). Both are dot files, so a person listing a directory sees only the objects.
/// </remarks>
internal static class LocalFileNames
{
    public const string DataSuffix = ".og-obj";
    public const string LockPrefix = ".og-lock.";
    public const string TempPrefix = ".og-tmp-";
}
