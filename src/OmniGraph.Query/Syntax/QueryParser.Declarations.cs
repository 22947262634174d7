using System.Collections.Immutable;
using System.Globalization;
using OmniGraph.Schema;

namespace OmniGraph.Query.Syntax;

internal sealed partial class QueryParser
{
    /// <summary>Parameter names that carry values the engine injects; a query may not declare them.</summary>
    internal static readonly string[] ReservedParameterNames = ["__omnigraph_now", "__nanograph_now"];

    private const string ParameterTypes = "String, Bool, I32, I64, U32, U64, F32, F64, Date, DateTime, Blob, [T] or Vector(N)";

    private QueryDeclarationSyntax ParseQueryDeclaration()
    {
        if (!Current.IsWord("query"))
        {
            Fail("'query'");
        }

        var position = Advance().Position;
        if (Current.Is(QueryTokenKind.TypeName))
        {
            Fail(Current.Position, $"query names start with a lowercase letter or '_', found '{Current.Text}'");
        }

        var name = ExpectIdentifier("query name");
        Expect(QueryTokenKind.LeftParen, $"'(' after query name '{name.Text}'");
        var parameters = ParseParameters();
        var (description, instruction) = ParseQueryAnnotations();
        Expect(QueryTokenKind.LeftBrace, $"'{{' to open the body of query '{name.Text}'");
        QueryBodySyntax body;
        if (Current.IsWord("match"))
        {
            body = ParseReadBody();
        }
        else if (Current.IsWord("insert") || Current.IsWord("update") || Current.IsWord("delete"))
        {
            body = ParseMutationBody();
        }
        else
        {
            return Fail<QueryDeclarationSyntax>("'match', 'insert', 'update' or 'delete'");
        }

        Expect(QueryTokenKind.RightBrace, $"'}}' to close query '{name.Text}'");
        return new QueryDeclarationSyntax(name.Text, position, parameters, description, instruction, body);
    }

    private ImmutableArray<ParameterSyntax> ParseParameters()
    {
        var parameters = ImmutableArray.CreateBuilder<ParameterSyntax>();
        if (TryAccept(QueryTokenKind.RightParen))
        {
            return parameters.DrainToImmutable();
        }

        while (true)
        {
            var variable = Expect(QueryTokenKind.Variable, "a parameter ($name: Type)");
            if (variable.Text == VariableSyntax.AnonymousName)
            {
                Fail(variable.Position, "the anonymous variable $_ cannot be a parameter");
            }

            if (Array.IndexOf(ReservedParameterNames, variable.Text) >= 0)
            {
                Fail(variable.Position, $"parameter name `${variable.Text}` is reserved (the engine injects the now() timestamp under it)");
            }

            foreach (var existing in parameters)
            {
                if (existing.Name == variable.Text)
                {
                    Fail(variable.Position, $"duplicate parameter `${variable.Text}`");
                }
            }

            Expect(QueryTokenKind.Colon, $"':' after parameter ${variable.Text}");
            parameters.Add(new ParameterSyntax(variable.Text, ParseParameterType(), variable.Position));
            if (TryAccept(QueryTokenKind.RightParen))
            {
                return parameters.DrainToImmutable();
            }

            Expect(QueryTokenKind.Comma, "',' or ')' in the parameter list");
        }
    }

    private PropertyType ParseParameterType()
    {
        PropertyType type;
        var position = Current.Position;
        if (TryAccept(QueryTokenKind.LeftBracket))
        {
            var element = ExpectScalarTypeName(inList: true);
            if (element == ScalarKind.Blob)
            {
                Fail(position, "list of Blob is not supported");
            }

            Expect(QueryTokenKind.RightBracket, "']' to close the list type");
            type = PropertyType.ListOf(element);
        }
        else if (Current.Is(QueryTokenKind.TypeName) && Current.Text == "Vector")
        {
            Advance();
            Expect(QueryTokenKind.LeftParen, "'(' after Vector");
            var dimensionToken = Expect(QueryTokenKind.Integer, "the vector dimension");
            if (!int.TryParse(dimensionToken.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var dimension) || dimension < 1)
            {
                Fail(dimensionToken.Position, dimensionToken.Text.TrimStart('0').Length == 0
                    ? "Vector dimension must be greater than zero"
                    : $"Vector dimension {dimensionToken.Text} exceeds maximum supported ({PropertyType.MaxVectorDimension})");
            }

            Expect(QueryTokenKind.RightParen, "')' after the vector dimension");
            type = PropertyType.Vector(dimension);
        }
        else
        {
            type = PropertyType.Of(ExpectScalarTypeName(inList: false));
        }

        return TryAccept(QueryTokenKind.Question) ? type.WithNullable(true) : type;
    }

    private ScalarKind ExpectScalarTypeName(bool inList)
    {
        var token = Current;
        if (token.Is(QueryTokenKind.TypeName) && ScalarKinds.TryParse(token.Text, out var kind))
        {
            Advance();
            return kind;
        }

        if (token.IsWord("enum"))
        {
            Fail(token.Position, "enum is not a parameter type; declare the parameter as String");
        }

        if (inList && (token.Is(QueryTokenKind.LeftBracket) || (token.Is(QueryTokenKind.TypeName) && token.Text == "Vector")))
        {
            Fail(token.Position, "list parameters hold scalar elements only");
        }

        return token.Is(QueryTokenKind.TypeName) || token.Is(QueryTokenKind.Identifier)
            ? QueryThrow.Parse<ScalarKind>(token.Position, $"unknown parameter type '{token.Text}' (expected {ParameterTypes})")
            : Fail<ScalarKind>($"a parameter type ({ParameterTypes})");
    }

    private (string? Description, string? Instruction) ParseQueryAnnotations()
    {
        string? description = null;
        string? instruction = null;
        while (Current.Is(QueryTokenKind.Annotation))
        {
            var annotation = Advance();
            if (annotation.Text is not ("description" or "instruction"))
            {
                Fail(annotation.Position, $"unknown query annotation '@{annotation.Text}' (expected @description or @instruction)");
            }

            Expect(QueryTokenKind.LeftParen, $"'(' after @{annotation.Text}");
            var text = Expect(QueryTokenKind.String, $"a string argument for @{annotation.Text}").Text;
            Expect(QueryTokenKind.RightParen, $"')' to close @{annotation.Text}");
            if (annotation.Text == "description")
            {
                if (description is not null)
                {
                    Fail(annotation.Position, "cannot include duplicate @description annotations");
                }

                description = text;
            }
            else
            {
                if (instruction is not null)
                {
                    Fail(annotation.Position, "cannot include duplicate @instruction annotations");
                }

                instruction = text;
            }
        }

        return (description, instruction);
    }
}
