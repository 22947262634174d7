using System.Globalization;

namespace OmniGraph.Abstractions;

/// <summary>How a table's directory is named in a graph's object store (<c>tables/node-000003</c>).</summary>
public static class TableStoragePaths
{
    /// <summary>The directory holding every object of a table: fragments, deletion vectors and versions.</summary>
    public static string TableDirectory(bool isEdge, long tableId) =>
        string.Create(CultureInfo.InvariantCulture, $"tables/{(isEdge ? "edge" : "node")}-{tableId:D6}");
}
