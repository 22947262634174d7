namespace OmniGraph.Mutations.Tests.Support;

/// <summary>The shared fixtures of the acceptance cases (spec/acceptance_cases.md: FX-TEST, FX-TEST-DATA, FX-M).</summary>
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

    /// <summary>FX-TEST-DATA (loaded with overwrite: "STD").</summary>
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

    /// <summary>FX-M: the mutation queries of the acceptance cases.</summary>
    public const string MutationQueries = """
        query insert_person($name: String, $age: I32) { insert Person { name: $name, age: $age } }
        query add_friend($from: String, $to: String) { insert Knows { from: $from, to: $to } }
        query set_age($name: String, $age: I32) { update Person set { age: $age } where name = $name }
        query remove_person($name: String) { delete Person where name = $name }
        query remove_friendship($from: String) { delete Knows where from = $from }
        query insert_person_and_friend($name: String, $age: I32, $friend: String) {
            insert Person { name: $name, age: $age }
            insert Knows { from: $name, to: $friend }
        }
        """;
}
