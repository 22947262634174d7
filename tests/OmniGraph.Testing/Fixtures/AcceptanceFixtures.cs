namespace OmniGraph.Testing.Fixtures;

/// <summary>
/// The shared fixtures of the acceptance cases (<c>spec/acceptance_cases.md</c>, "Shared fixtures"), quoted once for every
/// test project: schemas and queries as source text, data as JSONL with one record a line and no line break after the
/// last record (append <c>"\n"</c> where a test needs the file form). One partial file per fixture family.
/// </summary>
public static partial class AcceptanceFixtures
{
}
