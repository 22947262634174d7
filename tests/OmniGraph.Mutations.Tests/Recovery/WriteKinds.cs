using OmniGraph.Abstractions;
using OmniGraph.Mutations.Tests.Support;

namespace OmniGraph.Mutations.Tests.Recovery;

/// <summary>How each <see cref="WriteKind"/> runs and how its visibility is read (all or nothing, asserted).</summary>
internal static class WriteKinds
{
    public const string Actor = "w";

    public static int Tables(WriteKind kind) => kind switch
    {
        WriteKind.LoadOverwrite => 4,
        WriteKind.MutationUpdate => 1,
        WriteKind.MutationDelete => 3,
        _ => 2,
    };

    public static Task RunAsync(MutationHost host, WriteKind kind) => kind switch
    {
        WriteKind.LoadOverwrite => LoadAsync(host, GraphLoadMode.Overwrite, """
            {"type": "Person", "data": {"name": "P1", "age": 1}}
            {"type": "Person", "data": {"name": "P2", "age": 2}}
            {"type": "Company", "data": {"name": "C1"}}
            {"edge": "Knows", "from": "P1", "to": "P2"}
            {"edge": "WorksAt", "from": "P1", "to": "C1"}
            """),
        WriteKind.LoadAppend => LoadAsync(host, GraphLoadMode.Append, """
            {"type": "Person", "data": {"name": "Eve", "age": 22}}
            {"edge": "Knows", "from": "Eve", "to": "Alice"}
            """),
        WriteKind.LoadMerge => LoadAsync(host, GraphLoadMode.Merge, """
            {"type": "Person", "data": {"name": "Alice", "age": 99}}
            {"type": "Company", "data": {"name": "Initech"}}
            """),
        WriteKind.MutationInsert => host.MutateAsync("insert_person_and_friend", """{"name":"Eve","age":22,"friend":"Alice"}""", actor: Actor),
        WriteKind.MutationUpdate => host.MutateAsync("set_age", """{"name":"Alice","age":77}""", actor: Actor),
        _ => host.MutateAsync("remove_person", """{"name":"Alice"}""", actor: Actor),
    };

    /// <summary>Reads one snapshot; asserts it holds all of the write or none of it; returns whether it holds it.</summary>
    public static async Task<bool> ReadAllOrNothingAsync(MutationHost host, WriteKind kind)
    {
        var snapshot = await host.HeadAsync();
        var people = await host.RowsAsync("node:Person", snapshot);
        var names = people.Select(static r => r.Id).ToHashSet();
        var knows = await host.RowsAsync("edge:Knows", snapshot);
        var companies = (await host.RowsAsync("node:Company", snapshot)).Select(static r => r.Id).ToHashSet();
        var worksAt = await host.RowsAsync("edge:WorksAt", snapshot);
        var (visible, parts) = kind switch
        {
            WriteKind.LoadOverwrite => (names.Contains("P1"), new[] { names.Contains("P2"), !names.Contains("Alice"), companies.SetEquals(["C1"]), knows.Count == 1, worksAt.Count == 1 && worksAt[0].Source == "P1" }),
            WriteKind.LoadAppend or WriteKind.MutationInsert => (names.Contains("Eve"), new[] { knows.Any(static e => e.Source == "Eve" && e.Target == "Alice") }),
            WriteKind.LoadMerge => (people.Single(static p => p.Id == "Alice")["age"] == "99", new[] { companies.Contains("Initech") }),
            WriteKind.MutationUpdate => (people.Single(static p => p.Id == "Alice")["age"] == "77", Array.Empty<bool>()),
            _ => (!names.Contains("Alice"), new[] { !knows.Any(static e => e.Source == "Alice" || e.Target == "Alice"), !worksAt.Any(static e => e.Source == "Alice") }),
        };

        Assert.True(parts.All(p => p == visible), $"a mixed image of {kind}: visible {visible}, parts [{string.Join(", ", parts)}]");
        if (!visible)
        {
            // Not visible means the graph as it was: STD's people are all there.
            Assert.Superset(new HashSet<string> { "Alice", "Bob", "Charlie", "Diana" }, names);
        }

        return visible;
    }

    private static Task LoadAsync(MutationHost host, GraphLoadMode mode, string jsonl) =>
        host.Client.LoadJsonlAsync(jsonl + "\n", mode, options: new GraphLoadOptions { Actor = Actor });
}
