using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace OmniGraph.Schema.Syntax;

public sealed partial class SchemaParser
{
    private InterfaceDeclarationSyntax ParseInterface()
    {
        var position = _current.Position;
        Advance();
        var name = ExpectTypeName("interface name");
        if (_current.Kind == TokenKind.Annotation)
        {
            Fail(_current.Position, $"interface {name} cannot carry type-level annotations (found '@{_current.Text}')");
        }

        if (_current.IsWord("implements"))
        {
            Fail(_current.Position, $"interface {name} cannot implement other interfaces");
        }

        Expect(TokenKind.LeftBrace, "'{'");
        var properties = ImmutableArray.CreateBuilder<PropertyDeclarationSyntax>();
        while (_current.Kind != TokenKind.RightBrace)
        {
            if (_current.Kind == TokenKind.Word && IsIdentifier(_current.Text))
            {
                properties.Add(ParseProperty());
            }
            else if (IsConstraintStart())
            {
                Fail(_current.Position, $"interface {name} cannot declare body constraints (found '@{_current.Text}(')");
            }
            else
            {
                FailMember("property declaration or '}'");
            }
        }

        Advance();
        return new InterfaceDeclarationSyntax(position, name, properties.DrainToImmutable());
    }

    private NodeDeclarationSyntax ParseNode()
    {
        var position = _current.Position;
        Advance();
        var name = ExpectTypeName("node type name");
        var annotations = ParseTypeAnnotations();
        var implements = ImmutableArray<NameSyntax>.Empty;
        if (_current.IsWord("implements"))
        {
            Advance();
            var names = ImmutableArray.CreateBuilder<NameSyntax>();
            names.Add(ExpectTypeName("interface name"));
            while (_current.Kind == TokenKind.Comma)
            {
                Advance();
                names.Add(ExpectTypeName("interface name"));
            }

            implements = names.DrainToImmutable();
            if (_current.Kind == TokenKind.Annotation)
            {
                Fail(_current.Position, $"annotations on node {name} must come before 'implements' (found '@{_current.Text}')");
            }
        }

        var expectedOpen = implements.IsEmpty ? "annotation, 'implements' or '{'" : "',' or '{'";
        var (properties, constraints) = ParseBody(expectedOpen);
        return new NodeDeclarationSyntax(position, name, annotations, implements, properties, constraints);
    }

    private EdgeDeclarationSyntax ParseEdge()
    {
        var position = _current.Position;
        Advance();
        var name = ExpectTypeName("edge type name");
        Expect(TokenKind.Colon, "':'");
        var from = ExpectTypeName("source node type");
        Expect(TokenKind.Arrow, "'->'");
        var to = ExpectTypeName("target node type");
        CardinalitySyntax? cardinality = null;
        if (_current.Kind == TokenKind.Annotation && _current.Text == "card")
        {
            cardinality = ParseCardinality();
        }

        var annotations = ParseTypeAnnotations();
        if (_current.Kind != TokenKind.LeftBrace)
        {
            // The body is optional: the next declaration (or the end) may follow directly.
            return new EdgeDeclarationSyntax(position, name, from, to, cardinality, annotations, [], []);
        }

        var (properties, constraints) = ParseBody("'{'");
        return new EdgeDeclarationSyntax(position, name, from, to, cardinality, annotations, properties, constraints);
    }

    private CardinalitySyntax ParseCardinality()
    {
        var position = _current.Position;
        Advance();
        Expect(TokenKind.LeftParen, "'(' after @card");
        var min = ExpectCount("minimum edge count (a non-negative integer)");
        Expect(TokenKind.DotDot, "'..'");
        string? max = null;
        if (_current.Kind == TokenKind.Integer)
        {
            max = ExpectCount("maximum edge count");
        }
        else if (_current.Kind == TokenKind.Star)
        {
            Advance();
        }

        Expect(TokenKind.RightParen, "maximum edge count, '*' or ')'");
        return new CardinalitySyntax(position, min, max);
    }

    private string ExpectCount(string what)
    {
        if (_current.Kind != TokenKind.Integer || _current.Text[0] == '-')
        {
            Fail(what);
        }

        var text = _current.Text;
        Advance();
        return text;
    }

    private ImmutableArray<AnnotationSyntax> ParseTypeAnnotations()
    {
        if (_current.Kind != TokenKind.Annotation)
        {
            return [];
        }

        var annotations = ImmutableArray.CreateBuilder<AnnotationSyntax>();
        while (_current.Kind == TokenKind.Annotation)
        {
            if (_current.Text == "card")
            {
                Fail(_current.Position, "@card is only allowed directly after an edge's target type");
            }

            if (IsConstraintStart())
            {
                Fail(_current.Position, $"body constraint @{_current.Text}(…) must be written inside the declaration's braces");
            }

            annotations.Add(ParseAnnotation());
        }

        return annotations.DrainToImmutable();
    }

    private (ImmutableArray<PropertyDeclarationSyntax> Properties, ImmutableArray<ConstraintSyntax> Constraints) ParseBody(string expectedOpen)
    {
        Expect(TokenKind.LeftBrace, expectedOpen);
        var properties = ImmutableArray.CreateBuilder<PropertyDeclarationSyntax>();
        var constraints = ImmutableArray.CreateBuilder<ConstraintSyntax>();
        while (_current.Kind != TokenKind.RightBrace)
        {
            if (_current.Kind == TokenKind.Word && IsIdentifier(_current.Text))
            {
                properties.Add(ParseProperty());
            }
            else if (IsConstraintStart())
            {
                constraints.Add(ParseConstraint());
            }
            else if (_current.Kind == TokenKind.Annotation && _current.Text == "card")
            {
                Fail(_current.Position, "@card is only allowed directly after an edge's target type");
            }
            else
            {
                FailMember("property declaration, body constraint or '}'");
            }
        }

        Advance();
        return (properties.DrainToImmutable(), constraints.DrainToImmutable());
    }

    [DoesNotReturn]
    private void FailMember(string expected)
    {
        if (_current.Kind == TokenKind.Word && IsTypeName(_current.Text))
        {
            Fail(_current.Position, $"expected property name (starting with a lowercase letter or '_'), found {_current.Describe()}");
        }

        Fail(expected);
    }

    private PropertyDeclarationSyntax ParseProperty()
    {
        var name = new NameSyntax(_current.Text, _current.Position);
        Advance();
        Expect(TokenKind.Colon, $"':' after property name '{name}'");
        var type = ParseType();
        var annotations = ImmutableArray.CreateBuilder<AnnotationSyntax>();
        while (_current.Kind == TokenKind.Annotation && !IsConstraintStart())
        {
            if (_current.Text == "card")
            {
                Fail(_current.Position, "@card is only allowed directly after an edge's target type");
            }

            annotations.Add(ParseAnnotation());
        }

        return new PropertyDeclarationSyntax(name, type, annotations.DrainToImmutable());
    }
}
