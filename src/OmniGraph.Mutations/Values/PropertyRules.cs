using System.Runtime.CompilerServices;
using OmniGraph.Schema;

namespace OmniGraph.Mutations.Values;

/// <summary>The write-time rules of one property (its <c>@range</c> and <c>@check</c> constraints), collected once per property.</summary>
internal sealed class PropertyRules
{
    private static readonly ConditionalWeakTable<Property, PropertyRules> s_rules = new();

    private PropertyRules(Property property)
    {
        if (property.Owner is NodeType node)
        {
            Ranges = [.. node.RangeConstraints.Where(r => r.PropertyName == property.Name)];
            Checks = [.. node.CheckConstraints.Where(c => c.PropertyName == property.Name)];
        }
        else
        {
            Ranges = [];
            Checks = [];
        }
    }

    /// <summary>The property's <c>@range</c> constraints.</summary>
    public RangeConstraint[] Ranges { get; }

    /// <summary>The property's <c>@check</c> constraints.</summary>
    public CheckConstraint[] Checks { get; }

    /// <summary>The rules of <paramref name="property"/> (cached per property instance).</summary>
    public static PropertyRules Of(Property property) => s_rules.GetValue(property, static p => new PropertyRules(p));
}
