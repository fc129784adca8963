namespace Zero.Uci.Tests;

/// <summary>A fact that is skipped, with the reason and the fix, when polyglot is not installed.</summary>
public sealed class PolyglotFactAttribute : FactAttribute
{
    public PolyglotFactAttribute() => Skip = ExternalProgram.MissingReason("polyglot", "polyglot");
}

/// <summary>A fact that is skipped, with the reason and the fix, when stockfish is not installed.</summary>
public sealed class StockfishFactAttribute : FactAttribute
{
    public StockfishFactAttribute() => Skip = ExternalProgram.MissingReason("stockfish", "stockfish");
}
