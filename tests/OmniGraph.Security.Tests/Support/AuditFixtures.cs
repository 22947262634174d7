using System.Text;
using System.Text.Json.Nodes;
using OmniGraph.Storage;

namespace OmniGraph.Security.Tests.Support;

/// <summary>Records, logs and raw object edits the audit tests share.</summary>
internal static class AuditFixtures
{
    /// <summary>Record <paramref name="i"/> of a varied sequence: writes with commits, denials, a null actor.</summary>
    public static AuditRecord Record(int i) => (i % 3) switch
    {
        0 => new AuditRecord("act-bruno", PolicyAction.Change, "g", "feature", $"C{i:D4}", AuditDecisionKind.Allow, "team-change"),
        1 => new AuditRecord("act-bruno", PolicyAction.Change, "g", "main", null, AuditDecisionKind.Deny, null),
        _ => new AuditRecord(null, PolicyAction.BranchMerge, "g", "main", $"M{i:D4}", AuditDecisionKind.Allow, null),
    };

    /// <summary>A log on <paramref name="store"/> with a manual clock, and <paramref name="count"/> records appended.</summary>
    public static async Task<AuditLog> FilledAsync(IObjectStore store, int count)
    {
        var log = new AuditLog(store, time: ManualClock.At2025());
        for (var i = 0; i < count; i++)
        {
            await log.AppendAsync(Record(i));
        }

        return log;
    }

    public static async Task<JsonObject> ReadJsonAsync(IObjectStore store, string key) =>
        JsonNode.Parse((await store.GetAsync(key)).Content.Span)!.AsObject();

    public static async Task WriteJsonAsync(IObjectStore store, string key, JsonObject json) =>
        await store.PutAsync(key, Encoding.UTF8.GetBytes(json.ToJsonString()), WriteCondition.None);

    public static async Task<byte[]> ReadBytesAsync(IObjectStore store, string key) => (await store.GetAsync(key)).Content.ToArray();

    /// <summary>Moves an object to another key, as is (content unchanged).</summary>
    public static async Task MoveAsync(IObjectStore store, string from, string to)
    {
        var bytes = await ReadBytesAsync(store, from);
        await store.PutAsync(to, bytes, WriteCondition.None);
        await store.DeleteAsync(from, WriteCondition.None);
    }
}
