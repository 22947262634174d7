using OmniGraph.Schema;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Ingest.Tests.Support;

/// <summary>The compiled schemas the tests share: the acceptance fixtures (<see cref="AcceptanceFixtures"/>) and one of every property kind.</summary>
internal static class Schemas
{
    /// <summary>FX-TEST.</summary>
    public static readonly SchemaCatalog Test = SchemaCatalog.Compile(AcceptanceFixtures.TestSchema);

    /// <summary>FX-SEARCH.</summary>
    public static readonly SchemaCatalog Search = SchemaCatalog.Compile(AcceptanceFixtures.SearchSchema);

    /// <summary>FX-METRIC.</summary>
    public static readonly SchemaCatalog Metric = SchemaCatalog.Compile(AcceptanceFixtures.MetricSchema);

    /// <summary>A schema with one property of every type, nullable and not, lists, a vector, an enum and constraints.</summary>
    public static readonly SchemaCatalog Everything = SchemaCatalog.Compile("""
        node Item {
            name: String @key
            flag: Bool?
            i32: I32?
            i64: I64?
            u32: U32?
            u64: U64?
            f32: F32?
            f64: F64?
            day: Date?
            at: DateTime?
            payload: Blob?
            tags: [String]?
            counts: [I64]?
            days: [Date]?
            flags: [Bool]?
            ratios: [F32]?
            embedding: Vector(3)?
            role: enum(admin, guest, member)?
            code: String?
            level: I32?
            @range(level, 0..10)
            @check(code, "^[A-Z]{3}$")
        }
        node Note { text: String }
        edge Link: Item -> Item { weight: F64? }
        """);
}
