using System.Text;
using OmniGraph.Ingest.Tests.Support;
using OmniGraph.Schema;

namespace OmniGraph.Ingest.Tests.Validation;

/// <summary>Duplicates within one load: <c>@key</c> and <c>@unique</c> tuples, explicit ids per load mode, and merge's last-write-wins.</summary>
public sealed class DuplicateTests
{
    private static readonly SchemaCatalog s_users = SchemaCatalog.Compile("node User { name: String @key  email: String?  @unique(email) }");
    private static readonly SchemaCatalog s_notes = SchemaCatalog.Compile("node Note { text: String }  edge References: Note -> Note { label: String? }");
    private static readonly SchemaCatalog s_links = SchemaCatalog.Compile("node P { n: String @key }  edge Link: P -> P { note: String?  @unique(src, dst) }");

    [Theory]
    [InlineData(LoadMode.Overwrite)]
    [InlineData(LoadMode.Append)]
    [InlineData(LoadMode.Merge)]
    public void DuplicateKeys_AreAUniqueViolationInEveryMode(LoadMode mode)
    {
        var catalog = SchemaCatalog.Compile("node Thing { key: String @key  value: String }");
        var error = IntakeRun.Fail(ErrorCodes.UniqueViolation, catalog, """
            {"type":"Thing","data":{"key":"DUP","value":"first"}}
            {"type":"Thing","data":{"key":"DUP","value":"second"}}
            """, mode);

        Assert.Equal("line 2: @unique violation on Thing.key: value 'DUP' held by 'DUP' (line 1) and 'DUP' (line 2)", error.Message);
        Assert.Equal(ErrorCodes.UniqueViolation, error.Code);
        Assert.Equal("DUP", error.Get(ErrorDetail.Value));
        Assert.Equal(1, error.Get(ErrorDetail.FirstLine));
    }

    [Fact]
    public void DuplicateCompositeKeys_AreAUniqueViolation()
    {
        var catalog = SchemaCatalog.Compile("node Task { project: String  number: I64  @key(project, number) }");
        var error = IntakeRun.Fail(ErrorCodes.UniqueViolation, catalog, """
            {"type":"Task","data":{"project":"acme","number":1}}
            {"type":"Task","data":{"project":"acme","number":2}}
            {"type":"Task","data":{"number":1,"project":"acme"}}
            """);

        Assert.Equal("line 3: @unique violation on Task.(project, number): value '[\"acme\",\"1\"]' held by '[\"acme\",\"1\"]' (line 1) and '[\"acme\",\"1\"]' (line 3)", error.Message);
    }

    [Fact]
    public void UniqueProperty_Duplicate_NamesBothHolders()
    {
        var error = IntakeRun.Fail(ErrorCodes.UniqueViolation, s_users, """
            {"type":"User","data":{"name":"Alice","email":"dup@example.com"}}
            {"type":"User","data":{"name":"Bob","email":"dup@example.com"}}
            """);

        Assert.Equal("line 2: @unique violation on User.email: value 'dup@example.com' held by 'Alice' (line 1) and 'Bob' (line 2)", error.Message);
        Assert.Equal("email", error.Field);
        Assert.Equal("Alice", error.Get(ErrorDetail.FirstHolder));
        Assert.Equal("Bob", error.Get(ErrorDetail.SecondHolder));
    }

    [Fact]
    public void UniqueProperty_NullsAreExempt()
    {
        var run = IntakeRun.Load(s_users, """
            {"type":"User","data":{"name":"A","email":null}}
            {"type":"User","data":{"name":"B"}}
            {"type":"User","data":{"name":"C","email":null}}
            {"type":"User","data":{"name":"D","email":"d@x"}}
            """);

        var unique = Assert.Single(run.Summary("node:User").UniqueValues);
        Assert.Equal(1, unique.Count);
        Assert.True(unique.TryGetHolder("d@x"u8, out var holder, out var holderId));
        Assert.Equal("D", Encoding.UTF8.GetString(holderId));
        Assert.Equal(4, holder.Line);
    }

    [Fact]
    public void UniqueOnDate_ComparesTheStoredValue()
    {
        var catalog = SchemaCatalog.Compile("node Task { name: String @key  due: Date @unique }");

        IntakeRun.Load(catalog, """
            {"type":"Task","data":{"name":"T1","due":"2026-06-29"}}
            {"type":"Task","data":{"name":"T2","due":"2026-07-01"}}
            """);
        var error = IntakeRun.Fail(ErrorCodes.UniqueViolation, catalog, """
            {"type":"Task","data":{"name":"T1","due":"2026-06-29"}}
            {"type":"Task","data":{"name":"T2","due":20633}}
            """);
        Assert.Contains("@unique violation on Task.due", error.Message);
    }

    [Fact]
    public void CompositeUnique_NamesBothColumns_AndExemptsNullMembers()
    {
        var catalog = SchemaCatalog.Compile("""
            node ExternalID { slug: String @key  source: String @index  external_id: String? @index  @unique(source, external_id) }
            """);

        IntakeRun.Load(catalog, """
            {"type":"ExternalID","data":{"slug":"a","source":"whatsapp","external_id":"+E.164"}}
            {"type":"ExternalID","data":{"slug":"b","source":"whatsapp","external_id":"pn:12345"}}
            {"type":"ExternalID","data":{"slug":"e","source":"whatsapp"}}
            {"type":"ExternalID","data":{"slug":"f","source":"whatsapp"}}
            """);
        var error = IntakeRun.Fail(ErrorCodes.UniqueViolation, catalog, """
            {"type":"ExternalID","data":{"slug":"c","source":"whatsapp","external_id":"dup"}}
            {"type":"ExternalID","data":{"slug":"d","source":"whatsapp","external_id":"dup"}}
            """);

        Assert.Equal("line 2: @unique violation on ExternalID.(source, external_id): value '[\"whatsapp\",\"dup\"]' held by 'c' (line 1) and 'd' (line 2)", error.Message);
    }

    [Fact]
    public void EdgeUnique_OnSrcDst_RejectsParallelEdges()
    {
        IntakeRun.Load(s_links, """
            {"edge":"Link","from":"a","to":"b"}
            {"edge":"Link","from":"b","to":"a"}
            """);
        var error = IntakeRun.Fail(ErrorCodes.UniqueViolation, s_links, """
            {"edge":"Link","from":"a","to":"b","data":{"id":"l1"}}
            {"edge":"Link","from":"a","to":"b","data":{"id":"l2"}}
            """, LoadMode.Append);

        Assert.Equal("line 2: @unique violation on Link.(src, dst): value '[\"a\",\"b\"]' held by 'l1' (line 1) and 'l2' (line 2)", error.Message);
    }

    [Fact]
    public void EdgesWithoutIds_MayRepeat()
    {
        var run = IntakeRun.Load(Schemas.Test, """
            {"edge":"Knows","from":"Alice","to":"Bob"}
            {"edge":"Knows","from":"Alice","to":"Bob"}
            """, LoadMode.Append);

        Assert.Equal(2, run.Summary("edge:Knows").EntityCount);
    }

    [Theory]
    [InlineData(LoadMode.Append)]
    [InlineData(LoadMode.Overwrite)]
    public void DuplicateExplicitNodeIds_AreAKeyConflict_WhenInsertingStrictly(LoadMode mode)
    {
        var error = IntakeRun.Fail(ErrorCodes.KeyConflict, s_notes, """
            {"type":"Note","data":{"id":"note-1","text":"Alpha"}}
            {"type":"Note","data":{"id":"note-2","text":"Beta"}}
            {"type":"Note","data":{"id":"note-1","text":"Gamma"}}
            """, mode);

        Assert.Equal("line 3: node:Note id 'note-1' appears twice in this load (first on line 1)", error.Message);
        Assert.Equal(ErrorCodes.KeyConflict, error.Code);
        Assert.Equal("note-1", error.Get(ErrorDetail.EntityId));
        Assert.Equal("node:Note", error.TableName);
        Assert.Equal("id", error.Field);
    }

    [Theory]
    [InlineData(LoadMode.Append)]
    [InlineData(LoadMode.Overwrite)]
    public void DuplicateEdgeIds_AreAKeyConflict_WhenInsertingStrictly(LoadMode mode)
    {
        var error = IntakeRun.Fail(ErrorCodes.KeyConflict, s_notes, """
            {"edge":"References","from":"n1","to":"n2","data":{"id":"e1"}}
            {"edge":"References","from":"n2","to":"n1","data":{"id":"e1"}}
            """, mode);

        Assert.Equal("line 2: edge:References id 'e1' appears twice in this load (first on line 1)", error.Message);
    }

    [Fact]
    public void DuplicateEdgeIds_InMerge_LastWriteWins()
    {
        var catalog = SchemaCatalog.Compile("node Person { name: String @key }  node Company { name: String @key }  edge WorksAt: Person -> Company @card(0..1)");
        var run = IntakeRun.Load(catalog, """
            {"edge":"WorksAt","from":"Alice","to":"Acme","data":{"id":"w1"}}
            {"edge":"WorksAt","from":"Alice","to":"Bigco","data":{"id":"w1"}}
            """, LoadMode.Merge);

        var table = run.Summary("edge:WorksAt");
        Assert.Equal(2, table.RowCount);
        Assert.Equal(1, table.EntityCount);
        Assert.Equal([new SupersededRow(RowOrdinal: 0, FragmentIndex: 0, RowIndex: 0, Line: 1, ReplacedByLine: 2)], table.SupersededRows.ToArray());
        Assert.True(table.Ids.TryGetEntry("w1"u8, out var holder));
        Assert.Equal(1, holder.RowOrdinal);
        Assert.Equal([new TypeEntityCount("WorksAt", 1)], run.Result.Edges.ToArray());
    }

    [Fact]
    public void DuplicateExplicitNodeIds_InMerge_LastWriteWins()
    {
        var run = IntakeRun.Load(s_notes, """
            {"type":"Note","data":{"id":"n","text":"v1"}}
            {"type":"Note","data":{"id":"m","text":"other"}}
            {"type":"Note","data":{"id":"n","text":"v2"}}
            {"type":"Note","data":{"id":"n","text":"v3"}}
            """, LoadMode.Merge);

        var table = run.Summary("node:Note");
        Assert.Equal(2, table.EntityCount);
        Assert.Equal([0, 2], table.SupersededRows.Select(s => s.RowOrdinal));
        Assert.Equal([3L, 4L], table.SupersededRows.Select(s => s.ReplacedByLine));
        Assert.Equal(3, table.Ids.GetEntry(0).RowOrdinal);
    }

    [Fact]
    public void SupersededRows_AreLocatedInTheirFragments()
    {
        var input = """
            {"edge":"References","from":"a","to":"b","data":{"id":"e1"}}
            {"edge":"References","from":"a","to":"b","data":{"id":"e2"}}
            {"edge":"References","from":"a","to":"b","data":{"id":"e3"}}
            {"edge":"References","from":"a","to":"c","data":{"id":"e3"}}
            {"edge":"References","from":"a","to":"d","data":{"id":"e1"}}
            """;
        var run = IntakeRun.Load(s_notes, input, LoadMode.Merge, options: new JsonlIntakeOptions { FragmentMaxRows = 2 });

        Assert.Equal(3, run.Fragments.Count);
        Assert.Equal(
            [new SupersededRow(0, 0, 0, 1, 5), new SupersededRow(2, 1, 0, 3, 4)],
            run.Summary("edge:References").SupersededRows.ToArray());
    }

    [Fact]
    public void Merge_ReUpsertingTheSameEntity_KeepsItsUniqueValue()
    {
        var run = IntakeRun.Load(s_links, """
            {"edge":"Link","from":"a","to":"b","data":{"id":"w1","note":"old"}}
            {"edge":"Link","from":"a","to":"b","data":{"id":"w1","note":"new"}}
            """, LoadMode.Merge);

        Assert.Equal(1, run.Summary("edge:Link").EntityCount);
        var error = IntakeRun.Fail(ErrorCodes.UniqueViolation, s_links, """
            {"edge":"Link","from":"a","to":"b","data":{"id":"w1"}}
            {"edge":"Link","from":"a","to":"b","data":{"id":"w1"}}
            {"edge":"Link","from":"a","to":"b","data":{"id":"w2"}}
            """, LoadMode.Merge);
        Assert.Contains("held by 'w1' (line 2) and 'w2' (line 3)", error.Message);
    }

    /// <summary>When merge replaces a row, the tuple the old row held is free for another entity.</summary>
    [Fact]
    public void Merge_ReplacedRowsReleaseTheirUniqueValues()
    {
        var run = IntakeRun.Load(s_links, """
            {"edge":"Link","from":"a","to":"b","data":{"id":"w1"}}
            {"edge":"Link","from":"a","to":"c","data":{"id":"w1"}}
            {"edge":"Link","from":"a","to":"b","data":{"id":"w2"}}
            """, LoadMode.Merge);

        var unique = Assert.Single(run.Summary("edge:Link").UniqueValues);
        Assert.True(unique.TryGetHolder("[\"a\",\"b\"]"u8, out _, out var holder));
        Assert.Equal("w2", Encoding.UTF8.GetString(holder));
        Assert.True(unique.TryGetHolder("[\"a\",\"c\"]"u8, out _, out holder));
        Assert.Equal("w1", Encoding.UTF8.GetString(holder));
    }

    [Fact]
    public void Merge_StaleUniqueValuesAreNotLive()
    {
        var catalog = SchemaCatalog.Compile("node Acc { label: String?  @unique(label) }");
        var run = IntakeRun.Load(catalog, """
            {"type":"Acc","data":{"id":"x","label":"L1"}}
            {"type":"Acc","data":{"id":"x","label":"L2"}}
            """, LoadMode.Merge);

        var unique = Assert.Single(run.Summary("node:Acc").UniqueValues);
        Assert.Equal(2, unique.Count);
        Assert.False(unique.IsLive(0));
        Assert.True(unique.IsLive(1));
        Assert.False(unique.TryGetHolder("L1"u8, out _, out _));
    }
}
