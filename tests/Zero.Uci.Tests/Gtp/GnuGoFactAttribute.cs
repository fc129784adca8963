namespace Zero.Uci.Tests.Gtp;

/// <summary>A fact that is skipped, with the reason and the fix, when GNU Go is not installed.</summary>
public sealed class GnuGoFactAttribute : FactAttribute
{
    public GnuGoFactAttribute() => Skip = ExternalProgram.MissingReason("gnugo", "gnugo");
}
