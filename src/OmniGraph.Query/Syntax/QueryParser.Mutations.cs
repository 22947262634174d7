using System.Collections.Immutable;

namespace OmniGraph.Query.Syntax;

internal sealed partial class QueryParser
{
    private const string MutationValue = "a literal, a $parameter or now()";

    private MutationBodySyntax ParseMutationBody()
    {
        var position = Current.Position;
        var statements = ImmutableArray.CreateBuilder<MutationStatementSyntax>();
        while (true)
        {
            if (Current.IsWord("insert"))
            {
                statements.Add(ParseInsert());
            }
            else if (Current.IsWord("update"))
            {
                statements.Add(ParseUpdate());
            }
            else if (Current.IsWord("delete"))
            {
                statements.Add(ParseDelete());
            }
            else if (Current.Is(QueryTokenKind.RightBrace))
            {
                return new MutationBodySyntax(statements.DrainToImmutable(), position);
            }
            else
            {
                if (Current.IsWord("and") || Current.IsWord("or"))
                {
                    Fail(Current.Position, "where takes a single comparison (no and/or)");
                }

                if (Current.IsWord("match"))
                {
                    Fail(Current.Position, "a query body is either a read (match … return) or mutation statements, not both");
                }

                Fail("'insert', 'update', 'delete' or '}'");
            }
        }
    }

    private InsertSyntax ParseInsert()
    {
        var position = Advance().Position;
        var type = ExpectTargetType("insert");
        return new InsertSyntax(type, ParseAssignments("insert"), position);
    }

    private UpdateSyntax ParseUpdate()
    {
        var position = Advance().Position;
        var type = ExpectTargetType("update");
        ExpectWord("set");
        var assignments = ParseAssignments("update");
        return new UpdateSyntax(type, assignments, ParseWhere(), position);
    }

    private DeleteSyntax ParseDelete()
    {
        var position = Advance().Position;
        var type = ExpectTargetType("delete");
        return new DeleteSyntax(type, ParseWhere(), position);
    }

    private NameSyntax ExpectTargetType(string statement)
    {
        if (!Current.Is(QueryTokenKind.TypeName))
        {
            Fail($"a type name after {statement} (starting with an uppercase letter)");
        }

        var token = Advance();
        return new NameSyntax(token.Text, token.Position);
    }

    private ImmutableArray<AssignmentSyntax> ParseAssignments(string statement)
    {
        Expect(QueryTokenKind.LeftBrace, $"'{{' to open the {statement} assignments");
        var assignments = ImmutableArray.CreateBuilder<AssignmentSyntax>();
        while (!TryAccept(QueryTokenKind.RightBrace))
        {
            var property = ExpectIdentifier("property name");
            Expect(QueryTokenKind.Colon, $"':' after property name '{property.Text}'");
            assignments.Add(new AssignmentSyntax(property, ParseValue(MutationValue)));
            TryAccept(QueryTokenKind.Comma);
        }

        return assignments.DrainToImmutable();
    }

    private MutationPredicateSyntax ParseWhere()
    {
        ExpectWord("where");
        var position = Current.Position;
        var property = ExpectIdentifier("property name in where");
        if (Current.IsWord("contains") || Current.IsWord("starts_with"))
        {
            Fail(Current.Position, "where supports =, !=, <, <=, >, >= only (no contains/starts_with)");
        }

        if (!TryParseFilterOperator(out var op))
        {
            Fail("a comparison operator (=, !=, <, <=, >, >=)");
        }

        return new MutationPredicateSyntax(property, op, ParseValue(MutationValue), position);
    }
}
