namespace OmniGraph.Tables.Tests.Support;

/// <summary>Schemas the engine tests use.</summary>
internal static class TestSchemas
{
    /// <summary>People with a key and a unique email, companies, a free Knows edge and a WorksAt edge of at most one per person.</summary>
    public const string Social = """
        node Person {
            name: String @key
            age: I32?
            email: String? @unique
        }
        node Company {
            name: String @key
        }
        edge Knows: Person -> Person
        edge WorksAt: Person -> Company @card(0..1)
        """;

    /// <summary>Unkeyed nodes (ids supplied) and an edge that needs at least two per source.</summary>
    public const string Items = """
        node Item {
            label: String
        }
        node Tag {
            slug: String @key
        }
        edge Tagged: Item -> Tag @card(2..)
        """;
}
