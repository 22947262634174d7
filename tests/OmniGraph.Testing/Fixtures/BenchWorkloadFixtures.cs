namespace OmniGraph.Testing.Fixtures;

/// <summary>
/// The shared benchmark workload's schema, exactly as <c>../shared/bench/gen.py</c> writes it to <c>schema.pg</c>, for
/// tests and micro-benchmarks that synthesize workload-shaped data without running the generator.
/// </summary>
public static class BenchWorkloadFixtures
{
    /// <summary>Person (keyed by <c>id_str</c>, <c>city</c> indexed), Company, Knows and WorksAt.</summary>
    public const string Schema = """
        node Person {
            id_str: String @key
            name: String
            age: I32
            city: String @index
            joined: Date
            score: F64
        }

        node Company {
            cname: String @key
            industry: String
        }

        edge Knows: Person -> Person {
            since: I32
        }

        edge WorksAt: Person -> Company
        """;
}
