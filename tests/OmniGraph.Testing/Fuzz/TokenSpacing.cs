namespace OmniGraph.Testing.Fuzz;

/// <summary>How <see cref="TextMutator.InsertTokens"/> joins an inserted word to its neighbours.</summary>
public enum TokenSpacing
{
    /// <summary>Always with a space on each side (the word stays a token of its own).</summary>
    Spaced,

    /// <summary>Spaced or glued to its neighbours, by a coin toss (words may merge into new tokens).</summary>
    SpacedOrJoined,
}
