using OmniGraph.Schema.Syntax;

namespace OmniGraph.Schema.Building;

internal sealed partial class CatalogBuilder
{
    // The parser only produces well-formed names; these checks guard documents built by hand or from IR,
    // so that whatever the catalog holds prints back as parseable source.
    private static void CheckTypeName(NameSyntax name)
    {
        CheckLength(name, "type name");
        if (!IsWord(name.Text) || !SchemaParser.IsTypeName(name.Text))
        {
            SchemaThrow.Parse(name.Position, $"invalid type name '{ErrorText.Quote(name.Text)}': expected [A-Z][A-Za-z0-9_]*");
        }
    }

    private static void CheckIdentifier(NameSyntax name, string what)
    {
        CheckLength(name, what);
        if (!IsWord(name.Text) || !SchemaParser.IsIdentifier(name.Text))
        {
            SchemaThrow.Parse(name.Position, $"invalid {what} '{ErrorText.Quote(name.Text)}': expected [a-z_][A-Za-z0-9_]*");
        }
    }

    /// <summary>Names are part of storage keys (<see cref="SchemaLimits.MaxNameLength"/>): a longer one is refused before anything is stored.</summary>
    private static void CheckLength(NameSyntax name, string what)
    {
        if (name.Text is { Length: > SchemaLimits.MaxNameLength } text)
        {
            SchemaThrow.Catalog(
                ErrorCodes.SchemaNameTooLong,
                name.Position,
                $"{what} '{ErrorText.Quote(text)}' is too long: a name is at most {SchemaLimits.MaxNameLength} characters");
        }
    }

    private static void CheckLiteral(LiteralSyntax literal)
    {
        var valid = literal.Kind switch
        {
            LiteralKind.String => literal.Text is not null,
            // "true"/"false" would print back as booleans, so they are never identifiers.
            LiteralKind.Identifier => IsWord(literal.Text) && SchemaParser.IsIdentifier(literal.Text!) && literal.Text is not ("true" or "false"),
            LiteralKind.Integer => literal.Text is not null && IsDigits(literal.Text),
            LiteralKind.Float => literal.Text is not null && IsUnsignedDecimal(literal.Text),
            LiteralKind.Bool => literal.Text is "true" or "false",
            _ => false,
        };

        if (!valid)
        {
            SchemaThrow.Parse(literal.Position, $"invalid {literal.Kind} literal '{literal.Text}'");
        }
    }

    private static void CheckEnumValue(NameSyntax value)
    {
        if (value.Text is null || value.Text.Length == 0)
        {
            SchemaThrow.Parse(value.Position, "invalid enum value '': expected [A-Za-z0-9_-]+");
        }

        foreach (var c in value.Text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                SchemaThrow.Parse(value.Position, $"invalid enum value '{value.Text}': expected [A-Za-z0-9_-]+");
            }
        }
    }

    private static bool IsWord(string? text)
    {
        if (string.IsNullOrEmpty(text) || char.IsAsciiDigit(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUnsignedDecimal(string text)
    {
        var dot = text.IndexOf('.');
        return dot > 0 && IsDigits(text[..dot]) && IsDigits(text[(dot + 1)..]);
    }
}
