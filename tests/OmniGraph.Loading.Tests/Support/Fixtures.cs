namespace OmniGraph.Loading.Tests.Support;

/// <summary>The shared fixtures of the acceptance cases (FX-TEST schema and data) and small schemas of the load cases.</summary>
internal static class Fixtures
{
    /// <summary>FX-TEST.</summary>
    public const string TestSchema = """
        node Person {
            name: String @key
            age: I32?
        }

        node Company {
            name: String @key
        }

        edge Knows: Person -> Person {
            since: Date?
        }

        edge WorksAt: Person -> Company
        """;

    /// <summary>FX-TEST-DATA (11 entities).</summary>
    public const string TestData = """
        {"type": "Person", "data": {"name": "Alice", "age": 30}}
        {"type": "Person", "data": {"name": "Bob", "age": 25}}
        {"type": "Person", "data": {"name": "Charlie", "age": 35}}
        {"type": "Person", "data": {"name": "Diana", "age": 28}}
        {"type": "Company", "data": {"name": "Acme"}}
        {"type": "Company", "data": {"name": "Globex"}}
        {"edge": "Knows", "from": "Alice", "to": "Bob"}
        {"edge": "Knows", "from": "Alice", "to": "Charlie"}
        {"edge": "Knows", "from": "Bob", "to": "Diana"}
        {"edge": "WorksAt", "from": "Alice", "to": "Acme"}
        {"edge": "WorksAt", "from": "Bob", "to": "Globex"}

        """;

    /// <summary>Schema U of AC-37.</summary>
    public const string UniqueUsers = """
        node User {
            name: String @key
            email: String?
            @unique(email)
        }
        """;

    /// <summary>The notes schema of AC-32 (merge replaces whole rows).</summary>
    public const string Notes = """
        node Note {
            slug: String @key
            body: String?
        }
        edge Refs: Note -> Note {
            label: String?
        }
        """;
}
