namespace OmniGraph.Execution.Tests.Support;

/// <summary>The shared fixtures of acceptance_cases.md (FX-TEST, FX-TEST-DATA, FX-Q, FX-METRIC).</summary>
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

    /// <summary>FX-TEST-DATA.</summary>
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

    /// <summary>FX-Q, as upstream writes it (several lines, optional commas).</summary>
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

    /// <summary>FX-METRIC schema.</summary>
    public const string MetricSchema = """
        node Metric {
            name: String @key
            label: String? @index
            score: F64?
            ratio: F32?
            count: I32?
            active: Bool?
            born: Date?
            seen: DateTime?
        }
        node Tag {
            tname: String @key
        }
        edge Tagged: Metric -> Tag
        """;

    /// <summary>FX-METRIC data.</summary>
    public const string MetricData = """
        {"type":"Metric","data":{"name":"m1","label":"alpha one","score":2.5,"ratio":0.5,"count":1,"active":true,"born":"2024-06-01","seen":"2024-06-01T12:00:00Z"}}
        {"type":"Metric","data":{"name":"m2","label":"alps","score":1.0,"ratio":0.25,"count":2,"active":false,"born":"2023-01-01","seen":"2023-01-01T00:00:00Z"}}
        {"type":"Metric","data":{"name":"m3","label":"beta ray","score":3.0,"ratio":0.75,"count":3,"active":true,"born":"2025-01-01","seen":"2025-01-01T00:00:00Z"}}
        {"type":"Metric","data":{"name":"m4","score":0.5,"ratio":0.1,"count":4,"active":false,"born":"2022-12-31","seen":"2022-01-01T00:00:00Z"}}
        {"type":"Tag","data":{"tname":"alpine"}}
        {"type":"Tag","data":{"tname":"basalt"}}
        {"edge":"Tagged","from":"m1","to":"alpine"}
        {"edge":"Tagged","from":"m1","to":"basalt"}
        {"edge":"Tagged","from":"m3","to":"basalt"}

        """;

    /// <summary>The one-type chain schema of AC-09.</summary>
    public const string ChainSchema = """
        node Person { name: String @key }
        edge Knows: Person -> Person
        """;
}
