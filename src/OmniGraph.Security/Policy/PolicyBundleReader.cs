using OmniGraph.Security.Yaml;

namespace OmniGraph.Security;

/// <summary>
/// Reads a policy bundle (operations.md §3.3) strictly: unknown, repeated or missing fields are refused with their line
/// and column, every reference is checked (a rule's group, its actions, its scope against its actions), and the bundle
/// holds one kind of action (per-graph, or <c>graph_list</c> only). Nothing is guessed or defaulted silently: an
/// absent <c>protected_branches</c> means none.
/// </summary>
public static class PolicyBundleReader
{
    /// <summary>The only bundle format version.</summary>
    public const int SupportedVersion = 1;

    private static readonly string[] s_rootFields = ["version", "groups", "protected_branches", "rules"];
    private static readonly string[] s_rootRequired = ["version", "groups", "rules"];
    private static readonly string[] s_ruleFields = ["id", "allow"];
    private static readonly string[] s_allowFields = ["actors", "actions", "branch_scope", "target_branch_scope"];
    private static readonly string[] s_allowRequired = ["actors", "actions"];
    private static readonly string[] s_actorsFields = ["group"];

    /// <summary>Parses and validates a bundle's text; <paramref name="source"/> names it in messages (a path).</summary>
    /// <exception cref="OmniGraphException">Any <c>policy_*</c> code.</exception>
    public static PolicyBundle Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var root = YamlFields.Of(source, string.Empty, StrictYamlParser.Parse(text, source), s_rootFields, s_rootRequired);
        var version = root.Integer("version");
        if (version != SupportedVersion)
        {
            throw SecurityErrors.Policy(ErrorCodes.PolicyUnsupportedVersion, source, $"version {version} is not supported (this build reads version {SupportedVersion})", root.Node("version")!.Position);
        }

        var groups = ReadGroups(root);
        var protectedBranches = root.Has("protected_branches")
            ? root.Names("protected_branches", allowEmpty: true).Select(static b => b.Name).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        var rules = ReadRules(root, groups);
        return new PolicyBundle(SupportedVersion, groups, protectedBranches, rules, KindOf(rules, source));
    }

    private static SortedDictionary<string, IReadOnlyList<string>> ReadGroups(YamlFields root)
    {
        var node = root.Node("groups")!;
        if (node is not YamlMapping mapping)
        {
            throw YamlFields.Invalid(root.Source, "groups", node, $"must be a mapping of group name to actors, not {node.KindName}");
        }

        var groups = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var names = mapping.Entries.Select(static e => e.Key.Text).ToArray();
        var fields = YamlFields.Of(root.Source, "groups", mapping, names, []);
        foreach (var (key, _) in mapping.Entries)
        {
            var name = key.Text.Trim();
            if (name.Length == 0)
            {
                throw YamlFields.Invalid(root.Source, "groups", key, "names a group with a blank name");
            }

            if (groups.ContainsKey(name))
            {
                throw SecurityErrors.Policy(ErrorCodes.PolicyDuplicateField, root.Source, $"group '{ErrorText.Quote(name)}' is given twice", key.Position);
            }

            groups.Add(name, fields.Names(key.Text, allowEmpty: false).Select(static a => a.Name).ToList());
        }

        return groups;
    }

    private static List<PolicyRule> ReadRules(YamlFields root, SortedDictionary<string, IReadOnlyList<string>> groups)
    {
        var source = root.Source;
        var items = root.Sequence("rules", root.Node("rules")!, allowEmpty: true);
        var rules = new List<PolicyRule>(items.Count);
        var ids = new Dictionary<string, YamlPosition>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var rule = YamlFields.Of(source, $"rules[{i}]", items[i], s_ruleFields, s_ruleFields);
            var id = rule.Name("id");
            if (ids.TryGetValue(id, out var first))
            {
                throw SecurityErrors.Policy(ErrorCodes.PolicyDuplicateId, source, $"rule id '{ErrorText.Quote(id)}' is used twice (first at {first})", rule.Node("id")!.Position);
            }

            ids.Add(id, rule.Node("id")!.Position);
            var allow = YamlFields.Of(source, rule.PathOf("allow"), rule.Node("allow")!, s_allowFields, s_allowRequired);
            var actors = YamlFields.Of(source, allow.PathOf("actors"), allow.Node("actors")!, s_actorsFields, s_actorsFields);
            var group = actors.Name("group");
            if (!groups.ContainsKey(group))
            {
                throw SecurityErrors.Policy(
                    ErrorCodes.PolicyUnknownGroup,
                    source,
                    $"rule '{ErrorText.Quote(id)}' names group '{ErrorText.Quote(group)}', which 'groups' does not declare",
                    actors.Node("group")!.Position);
            }

            var actions = allow.Names("actions", allowEmpty: false).Select(a => PolicyActions.Parse(a.Name, source, a.Position)).ToList();
            var branchScope = ReadScope(allow, "branch_scope");
            var targetScope = ReadScope(allow, "target_branch_scope");
            CheckScopes(source, id, allow, actions, branchScope, targetScope);
            if (actions.Any(static a => a.IsServerScoped()) && actions.Any(static a => !a.IsServerScoped()))
            {
                throw SecurityErrors.Policy(
                    ErrorCodes.PolicyMixedKinds,
                    source,
                    $"rule '{ErrorText.Quote(id)}' mixes graph_list (server-scoped) with per-graph actions: put them in separate bundles",
                    allow.Node("actions")!.Position);
            }

            rules.Add(new PolicyRule(id, group, actions, branchScope, targetScope, items[i].Position));
        }

        return rules;
    }

    private static BranchScope? ReadScope(YamlFields allow, string field)
    {
        if (allow.OptionalName(field) is not { } text)
        {
            return null;
        }

        return text switch
        {
            "any" => BranchScope.Any,
            "protected" => BranchScope.Protected,
            "unprotected" => BranchScope.Unprotected,
            _ => throw SecurityErrors.Policy(
                ErrorCodes.PolicyInvalidScope,
                allow.Source,
                $"'{allow.PathOf(field)}' is '{ErrorText.Quote(text)}' (expected any, protected or unprotected)",
                allow.Node(field)!.Position),
        };
    }

    private static void CheckScopes(string source, string id, YamlFields allow, List<PolicyAction> actions, BranchScope? branchScope, BranchScope? targetScope)
    {
        if (branchScope is not null && targetScope is not null)
        {
            throw SecurityErrors.Policy(ErrorCodes.PolicyInvalidScope, source, $"rule '{ErrorText.Quote(id)}' gives both branch_scope and target_branch_scope (use one)", allow.KeyPosition("target_branch_scope"));
        }

        if (branchScope is not null && FirstNot(actions, static a => a.TakesBranchScope()) is { } wrong)
        {
            throw SecurityErrors.Policy(
                ErrorCodes.PolicyInvalidScope,
                source,
                $"rule '{ErrorText.Quote(id)}': branch_scope applies only to read, export and change, not to {wrong.Name()}",
                allow.KeyPosition("branch_scope"));
        }

        if (targetScope is not null && FirstNot(actions, static a => a.TakesTargetBranchScope()) is { } offending)
        {
            throw SecurityErrors.Policy(
                ErrorCodes.PolicyInvalidScope,
                source,
                $"rule '{ErrorText.Quote(id)}': target_branch_scope applies only to branch_create, branch_delete, branch_merge and schema_apply, not to {offending.Name()}",
                allow.KeyPosition("target_branch_scope"));
        }
    }

    private static PolicyAction? FirstNot(List<PolicyAction> actions, Func<PolicyAction, bool> takesScope)
    {
        foreach (var action in actions)
        {
            if (!takesScope(action))
            {
                return action;
            }
        }

        return null;
    }

    private static PolicyBundleKind KindOf(List<PolicyRule> rules, string source)
    {
        var server = rules.FirstOrDefault(static r => r.Actions.Any(static a => a.IsServerScoped()));
        var graph = rules.FirstOrDefault(static r => r.Actions.Any(static a => !a.IsServerScoped()));
        if (server is not null && graph is not null)
        {
            throw SecurityErrors.Policy(
                ErrorCodes.PolicyMixedKinds,
                source,
                $"rule '{ErrorText.Quote(server.Id)}' grants graph_list (server-scoped) but rule '{ErrorText.Quote(graph.Id)}' grants per-graph actions: a bundle holds one kind",
                server.Position);
        }

        return server is null ? PolicyBundleKind.Graph : PolicyBundleKind.Server;
    }
}
