namespace OmniGraph.Testing.Fixtures;

public static partial class AcceptanceFixtures
{
    /// <summary>FX-METRIC: Metric with one optional property of every scalar kind, Tag, and Tagged.</summary>
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

    /// <summary>FX-METRIC data: four metrics (m4 without a label), two tags, three Tagged edges.</summary>
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
}
