using OmniGraph.Security.Tests.Support;

namespace OmniGraph.Security.Tests.Policy;

/// <summary>The policy test file: strict reading and running.</summary>
public sealed class PolicyTestCasesTests
{
    private const string Cases = """
        version: 1
        cases:
          - { id: bruno-reads-main, actor: act-bruno, action: read, branch: main, expect: allow }
          - { id: bruno-cannot-change-main, actor: act-bruno, action: change, branch: main, expect: deny }
          - { id: ragnor-merges-into-main, actor: act-ragnor, action: branch_merge, branch: feature, target_branch: main, expect: allow }
          - { id: wrong-expectation, actor: act-bruno, action: export, branch: main, expect: allow }
        """;

    [Fact]
    public void Cases_AreReadAndRun()
    {
        var cases = PolicyTestCases.Parse(Cases, "cases.yaml");
        var results = PolicyTestCases.Run(PolicyFixtures.Evaluator(), cases);

        Assert.Equal(4, results.Count);
        Assert.Equal([true, true, true, false], results.Select(static r => r.Passed));
        Assert.Equal("feature", cases[2].Branch);
        Assert.Equal("main", cases[2].TargetBranch);
        Assert.Equal("admins-merge", results[2].Decision.RuleId);
    }

    [Theory]
    [InlineData("version: 1\ncases: []\n", ErrorCodes.PolicyInvalidValue)]
    [InlineData("version: 1\n", ErrorCodes.PolicyMissingField)]
    [InlineData("version: 1\ncases:\n  - { id: a, actor: x, action: read, expect: maybe }\n", ErrorCodes.PolicyInvalidValue)]
    [InlineData("version: 1\ncases:\n  - { id: a, actor: x, action: write, expect: allow }\n", ErrorCodes.PolicyUnknownAction)]
    [InlineData("version: 1\ncases:\n  - { id: a, actor: x, action: read, expect: allow, graph: g }\n", ErrorCodes.PolicyUnknownField)]
    [InlineData("version: 1\ncases:\n  - { id: a, action: read, expect: allow }\n", ErrorCodes.PolicyMissingField)]
    [InlineData("version: 1\ncases:\n  - { id: a, actor: x, action: read, expect: allow }\n  - { id: a, actor: x, action: read, expect: allow }\n", ErrorCodes.PolicyDuplicateId)]
    [InlineData("version: 3\ncases:\n  - { id: a, actor: x, action: read, expect: allow }\n", ErrorCodes.PolicyUnsupportedVersion)]
    public void BadCaseFile_IsRefused(string text, string code)
    {
        Assert.Equal(code, Assert.Throws<OmniGraphException>(() => PolicyTestCases.Parse(text, "cases.yaml")).Code);
    }
}
