namespace OmniGraph.Testing.Fixtures;

public static partial class AcceptanceFixtures
{
    /// <summary>FX-TEST: Person (key <c>name</c>, optional <c>age</c>), Company, Knows (optional <c>since</c>) and WorksAt.</summary>
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

    /// <summary>
    /// FX-TEST-DATA: four people, two companies, three Knows and two WorksAt edges (11 records). "STD" in the acceptance
    /// cases is <see cref="TestSchema"/> with this loaded in overwrite mode.
    /// </summary>
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

    /// <summary>FX-Q: the read queries over <see cref="TestSchema"/>, written as upstream writes them (several lines, optional commas).</summary>
    public const string TestQueries = """
        query get_person($name: String) {
            match { $p: Person { name: $name } }
            return { $p.name, $p.age }
        }

        query adults() {
            match {
                $p: Person
                $p.age > 30
            }
            return { $p.name, $p.age }
            order { $p.age desc }
        }

        query friends_of($name: String) {
            match {
                $p: Person { name: $name }
                $p knows $f
            }
            return { $f.name, $f.age }
        }

        query employees_of($company: String) {
            match {
                $c: Company { name: $company }
                $p worksAt $c
            }
            return { $p.name }
        }

        query friends_of_friends($name: String) {
            match {
                $p: Person { name: $name }
                $p knows $mid
                $mid knows $fof
            }
            return { $fof.name }
        }

        query unemployed() {
            match {
                $p: Person
                not { $p worksAt $_ }
            }
            return { $p.name }
        }

        query friend_counts() {
            match {
                $p: Person
                $p knows $f
            }
            return {
                $p.name
                count($f) as friends
            }
            order { friends desc }
            limit 20
        }

        query top_by_age() {
            match { $p: Person }
            return { $p.name, $p.age }
            order { $p.age desc }
            limit 2
        }

        query total_people() {
            match { $p: Person }
            return { count($p) as total }
        }

        query age_stats() {
            match {
                $p: Person
                $p worksAt $c
            }
            return {
                $c.name
                sum($p.age) as total_age
                avg($p.age) as avg_age
                min($p.age) as youngest
                max($p.age) as oldest
                count($p) as headcount
            }
        }

        query top_connected() {
            match {
                $p: Person
                $p knows $f
            }
            return { $p.name, count($f) as friends }
            order { friends desc }
            limit 1
        }
        """;
}
