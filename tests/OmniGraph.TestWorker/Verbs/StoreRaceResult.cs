using System.Text.Json;

namespace OmniGraph.TestWorker.Verbs;

/// <summary>What one <c>store-race</c> worker reports.</summary>
/// <param name="Worker">The worker id.</param>
/// <param name="Wins">Rounds whose create-if-absent this worker won.</param>
/// <param name="Increments">If-match increments that succeeded.</param>
/// <param name="Conflicts">If-match increments that lost to another writer.</param>
public sealed record StoreRaceResult(string Worker, IReadOnlyList<int> Wins, int Increments, int Conflicts)
{
    /// <summary>Serializer settings shared by the worker and the tests that read its output.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);
}
