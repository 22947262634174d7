using System.Globalization;
using System.Text.Json;

namespace OmniGraph.Schema.Building;

internal sealed partial class CatalogBuilder
{
    /// <summary>
    /// The rules a <c>@default</c> meets once the type's constraints are known: no default on a <c>@key</c> member (a key
    /// names its row, so a shared default would make every row that omits it the same row), and the default must pass the
    /// property's own <c>@range</c> and <c>@check</c> (else every row that used it would be refused).
    /// </summary>
    private static void CheckDefaults(TypeDraft draft)
    {
        foreach (var property in draft.Properties)
        {
            if (property.Annotations.Default is not { } value)
            {
                continue;
            }

            var target = $"{draft.Name}.{property.Name}";
            foreach (var constraint in draft.Constraints)
            {
                switch (constraint)
                {
                    case KeyConstraint key when key.PropertyNames.Contains(property.Name):
                        SchemaThrow.Catalog(ErrorCodes.SchemaInvalidDefault, property.Position, $"@default is not supported on @key property {target}: a key identifies its row");
                        break;
                    case RangeConstraint range when range.PropertyName == property.Name:
                        var violation = value.Value.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') < 0
                            ? range.Evaluate(Int128.Parse(value.Value.GetRawText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))
                            : range.Evaluate(value.Value.GetDouble());
                        if (violation != RangeViolation.None)
                        {
                            var bound = violation == RangeViolation.BelowMinimum ? $"< min {range.Min?.Text}" : $"> max {range.Max?.Text}";
                            SchemaThrow.Catalog(
                                ErrorCodes.SchemaDefaultViolatesConstraint,
                                property.Position,
                                $"@default({value.Value.GetRawText()}) on {target} breaks its @range({range.BoundsText}): value {value.Value.GetRawText()} {bound}");
                        }

                        break;
                    case CheckConstraint check when check.PropertyName == property.Name && value.Value.ValueKind == JsonValueKind.String:
                        if (check.TryMatch(value.Value.GetString()!) == false)
                        {
                            SchemaThrow.Catalog(
                                ErrorCodes.SchemaDefaultViolatesConstraint,
                                property.Position,
                                $"@default on {target} breaks its @check: value '{value.Value.GetString()}' does not match pattern '{check.Pattern}'");
                        }

                        break;
                }
            }
        }
    }
}
