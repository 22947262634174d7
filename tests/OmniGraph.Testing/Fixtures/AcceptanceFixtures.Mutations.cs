namespace OmniGraph.Testing.Fixtures;

public static partial class AcceptanceFixtures
{
    /// <summary>FX-M: the mutation queries of the acceptance cases, over <see cref="TestSchema"/>.</summary>
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
