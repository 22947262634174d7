using System.Text.RegularExpressions;

namespace OmniGraph.Schema;

/// <summary>
/// Why a <c>@check</c> pattern is refused, in our words (never the framework's exception text): the parser's error kind
/// as a sentence, and its position in the pattern.
/// </summary>
internal static class RegexErrorText
{
    /// <summary>"at position N: what is wrong" for a parse error; the linear-time restriction for an unsupported construct.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        RegexParseException parse => $"at position {parse.Offset}: {Reason(parse.Error)}",
        NotSupportedException => "it uses a construct that needs backtracking (a back-reference, look-around, atomic group or conditional), which linear-time matching cannot run; rewrite it without one",
        _ => "it is not a valid regular expression",
    };

    private static string Reason(RegexParseError error) => error switch
    {
        RegexParseError.UnterminatedBracket => "a '[' character class is not closed with ']'",
        RegexParseError.InsufficientClosingParentheses => "a '(' group is not closed with ')'",
        RegexParseError.InsufficientOpeningParentheses => "a ')' has no matching '('",
        RegexParseError.UnescapedEndingBackslash => "the pattern ends with a lone '\\' (write '\\\\' for a backslash)",
        RegexParseError.QuantifierAfterNothing => "a quantifier (*, +, ? or {n}) follows nothing it could repeat",
        RegexParseError.NestedQuantifiersNotParenthesized => "two quantifiers in a row (group the first one in parentheses)",
        RegexParseError.ReversedQuantifierRange => "a {min,max} quantifier has min greater than max",
        RegexParseError.ReversedCharacterRange => "a character range [x-y] has x after y",
        RegexParseError.ShorthandClassInCharacterRange => "a shorthand class such as \\d cannot be the end of a range",
        RegexParseError.QuantifierOrCaptureGroupOutOfRange => "a quantifier or group number is too large",
        RegexParseError.UnrecognizedEscape => "an escape sequence is not recognized",
        RegexParseError.UnrecognizedControlCharacter => "a \\c control-character escape is not recognized",
        RegexParseError.MissingControlCharacter => "a \\c escape needs a control character after it",
        RegexParseError.InsufficientOrInvalidHexDigits => "a \\x or \\u escape needs more hex digits",
        RegexParseError.InvalidUnicodePropertyEscape or RegexParseError.MalformedUnicodePropertyEscape => "a \\p{…} or \\P{…} escape is malformed",
        RegexParseError.UnrecognizedUnicodeProperty => "a \\p{…} escape names an unknown Unicode category",
        RegexParseError.UnterminatedComment => "a (?#…) comment is not closed",
        RegexParseError.InvalidGroupingConstruct => "a (?…) group construct is not recognized",
        RegexParseError.CaptureGroupNameInvalid or RegexParseError.MalformedNamedReference => "a group name is malformed",
        RegexParseError.CaptureGroupOfZero => "group 0 cannot be defined (it is the whole match)",
        RegexParseError.UndefinedNumberedReference or RegexParseError.UndefinedNamedReference => "a back-reference names a group the pattern does not define",
        RegexParseError.ExclusionGroupNotLast => "a character-class subtraction [a-z-[…]] must come last in its class",
        RegexParseError.AlternationHasComment
            or RegexParseError.AlternationHasMalformedCondition
            or RegexParseError.AlternationHasMalformedReference
            or RegexParseError.AlternationHasNamedCapture
            or RegexParseError.AlternationHasTooManyConditions
            or RegexParseError.AlternationHasUndefinedReference => "a conditional (?(…)…|…) is malformed",
        _ => "the pattern is malformed",
    };
}
