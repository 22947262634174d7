namespace OmniGraph.Testing.Fixtures;

public static partial class AcceptanceFixtures
{
    /// <summary>The one-type chain schema of AC-09 (variable-length traversal over Knows only).</summary>
    public const string ChainSchema = """
        node Person { name: String @key }
        edge Knows: Person -> Person
        """;

    /// <summary>Schema U of AC-37: a unique, optional email beside the key.</summary>
    public const string UniqueUsersSchema = """
        node User {
            name: String @key
            email: String?
            @unique(email)
        }
        """;

    /// <summary>The notes schema of AC-32 (a merge replaces whole rows, of nodes and of edges).</summary>
    public const string NotesSchema = """
        node Note {
            slug: String @key
            body: String?
        }
        edge Refs: Note -> Note {
            label: String?
        }
        """;
}
