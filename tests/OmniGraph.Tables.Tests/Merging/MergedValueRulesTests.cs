using OmniGraph.Abstractions;
using OmniGraph.Arrow;
using OmniGraph.Tables.Merging;
using OmniGraph.Tables.Tests.Support;

namespace OmniGraph.Tables.Tests.Merging;

/// <summary>
/// The schema's per-value rules over the rows a merge takes: one value-constraint conflict per row and property broken
/// (a required property cannot be null in a batch of the table's own Arrow schema, which refuses it first).
/// </summary>
public sealed class MergedValueRulesTests
{
    private const string RuledSchema = """
        node Member {
            name: String @key
            nick: String
            age: I32?
            role: enum(admin, member)?
            slug: String?
            @range(age, 0..150)
            @check(slug, "^[a-z0-9-]+$")
        }
        """;

    [Fact]
    public void EveryBrokenRule_IsOneConflict_NamingTheRowAndTheRule()
    {
        var rows = Members(
            ("ok", "o", 40, "admin", "fine-slug"),
            ("old", "o", 500, "member", null),
            ("odd", "o", 20, "bogus", null),
            ("bad", "b", -1, null, "Not A Slug"));

        var conflicts = MergedValueRules.Check(Rows.Layout("node:Member", RuledSchema), rows);

        Assert.All(conflicts, static c => Assert.Equal((MergeConflictKind.ValueConstraint, "node:Member"), (c.Kind, c.Table)));
        var messages = conflicts.Select(static c => (c.EntityId!, c.Message)).OrderBy(static c => c.Item1, StringComparer.Ordinal).ThenBy(static c => c.Message, StringComparer.Ordinal).ToList();
        Assert.Equal(["bad", "bad", "odd", "old"], messages.Select(static m => m.Item1));
        Assert.Contains("@range violation on Member.age", messages[0].Message + messages[1].Message, StringComparison.Ordinal);
        Assert.Contains("Not A Slug", messages[0].Message + messages[1].Message, StringComparison.Ordinal);
        Assert.Equal("invalid enum value 'bogus' for Member.role (expected one of admin, member)", messages[2].Message);
        Assert.Contains("500", messages[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoRows_AndRowsWithinTheRules_HaveNoConflicts()
    {
        var layout = Rows.Layout("node:Member", RuledSchema);

        Assert.Empty(MergedValueRules.Check(layout, Members()));
        Assert.Empty(MergedValueRules.Check(layout, Members(("a", "x", 0, "member", "a-1"), ("b", "y", 150, null, null))));
    }

    private static RecordBatch Members(params (string Name, string Nick, int? Age, string? Role, string? Slug)[] members)
    {
        var layout = Rows.Layout("node:Member", RuledSchema);
        var ids = new Utf8ColumnBuilder();
        var names = new Utf8ColumnBuilder();
        var nicks = new Utf8ColumnBuilder();
        var ages = new PrimitiveColumnBuilder<int>(ArrowType.Int32);
        var roles = new Utf8ColumnBuilder();
        var slugs = new Utf8ColumnBuilder();
        foreach (var (name, nick, age, role, slug) in members)
        {
            ids.Append(name);
            names.Append(name);
            nicks.Append(nick);
            ages.Append(age);
            roles.Append(role);
            slugs.Append(slug);
        }

        return new RecordBatch(layout.Schema, [ids.Build(), names.Build(), nicks.Build(), ages.Build(), roles.Build(), slugs.Build()]);
    }
}
