using OmniGraph.Schema;

namespace OmniGraph.Ingest.Tests.Support;

/// <summary>Schemas and data shared by the tests (the spec's fixtures are quoted verbatim).</summary>
internal static class Schemas
{
    /// <summary>FX-TEST.</summary>
    public static readonly SchemaCatalog Test = SchemaCatalog.Compile("""
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
        """);

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

    /// <summary>FX-SEARCH.</summary>
    public static readonly SchemaCatalog Search = SchemaCatalog.Compile("""
        node Doc {
            slug: String @key
            title: String @index
            body: String @index
            embedding: Vector(4)
        }
        """);

    public const string SearchData = """
        {"type":"Doc","data":{"slug":"ml-intro","title":"Introduction to Machine Learning","body":"Machine learning is a subset of artificial intelligence that focuses on algorithms","embedding":[0.1,0.2,0.3,0.4]}}
        {"type":"Doc","data":{"slug":"dl-basics","title":"Deep Learning Basics","body":"Deep learning uses neural networks with many layers to learn representations","embedding":[0.5,0.6,0.7,0.8]}}
        {"type":"Doc","data":{"slug":"nlp-guide","title":"Natural Language Processing Guide","body":"NLP applies machine learning to understand and generate human language","embedding":[0.2,0.3,0.4,0.5]}}
        {"type":"Doc","data":{"slug":"cv-overview","title":"Computer Vision Overview","body":"Computer vision enables machines to interpret visual information from images","embedding":[0.8,0.7,0.6,0.5]}}
        {"type":"Doc","data":{"slug":"rl-intro","title":"Reinforcement Learning Introduction","body":"Reinforcement learning trains agents through reward and punishment signals","embedding":[0.3,0.4,0.5,0.6]}}
        """;

    /// <summary>FX-METRIC.</summary>
    public static readonly SchemaCatalog Metric = SchemaCatalog.Compile("""
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
        """);

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
