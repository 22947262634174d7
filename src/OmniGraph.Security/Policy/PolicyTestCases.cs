using OmniGraph.Security.Yaml;

namespace OmniGraph.Security;

/// <summary>
/// The policy test file (<c>omnigraph policy test</c>, operations.md §1.3):
/// <c>{version: 1, cases: [{id, actor, action, branch?, target_branch?, expect: allow|deny}]}</c>, read as strictly
/// as a bundle; and running its cases against an evaluator.
/// </summary>
public static class PolicyTestCases
{
    private static readonly string[] s_rootFields = ["version", "cases"];
    private static readonly string[] s_caseFields = ["id", "actor", "action", "branch", "target_branch", "expect"];
    private static readonly string[] s_caseRequired = ["id", "actor", "action", "expect"];

    /// <summary>Parses a test file; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="OmniGraphException">Any <c>policy_*</c> code.</exception>
    public static IReadOnlyList<PolicyTestCase> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var root = YamlFields.Of(source, string.Empty, StrictYamlParser.Parse(text, source), s_rootFields, s_rootFields);
        var version = root.Integer("version");
        if (version != PolicyBundleReader.SupportedVersion)
        {
            throw SecurityErrors.Policy(ErrorCodes.PolicyUnsupportedVersion, source, $"version {version} is not supported (this build reads version {PolicyBundleReader.SupportedVersion})", root.Node("version")!.Position);
        }

        var items = root.Sequence("cases", root.Node("cases")!, allowEmpty: false);
        var cases = new List<PolicyTestCase>(items.Count);
        var ids = new Dictionary<string, YamlPosition>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var fields = YamlFields.Of(source, $"cases[{i}]", items[i], s_caseFields, s_caseRequired);
            var id = fields.Name("id");
            if (!ids.TryAdd(id, fields.Node("id")!.Position))
            {
                throw SecurityErrors.Policy(ErrorCodes.PolicyDuplicateId, source, $"case id '{ErrorText.Quote(id)}' is used twice (first at {ids[id]})", fields.Node("id")!.Position);
            }

            var action = PolicyActions.Parse(fields.Name("action"), source, fields.Node("action")!.Position);
            var expect = fields.Name("expect") switch
            {
                "allow" => true,
                "deny" => false,
                var other => throw YamlFields.Invalid(source, fields.PathOf("expect"), fields.Node("expect")!, $"is '{ErrorText.Quote(other)}' (expected allow or deny)"),
            };
            cases.Add(new PolicyTestCase(id, fields.Name("actor"), action, fields.OptionalName("branch"), fields.OptionalName("target_branch"), expect, items[i].Position));
        }

        return cases;
    }

    /// <summary>Decides every case.</summary>
    public static IReadOnlyList<PolicyTestResult> Run(PolicyEvaluator evaluator, IReadOnlyList<PolicyTestCase> cases)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(cases);
        return cases.Select(c => new PolicyTestResult(c, evaluator.Evaluate(c.ToRequest()))).ToList();
    }
}
