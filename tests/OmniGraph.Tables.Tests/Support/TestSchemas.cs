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

    /// <summary>Products: an <c>@index</c> string, nullable numbers of three types, a <c>@unique</c> integer.</summary>
    public const string Catalog = """
        node Product {
            sku: String @key
            colour: String? @index
            stock: I32?
            price: F64?
            barcode: I64? @unique
        }
        """;

    /// <summary>Cities joined by roads with a length (an edge with a property, for edge filters and columns).</summary>
    public const string Roads = """
        node City {
            name: String @key
        }
        edge Road: City -> City {
            km: I32
        }
        """;
}
