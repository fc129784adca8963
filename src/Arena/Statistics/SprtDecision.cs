namespace Zero.Arena.Statistics;

/// <summary>Where an <see cref="Sprt"/> stands: keep playing, or one hypothesis accepted (JSON: continue, H0, H1).</summary>
public enum SprtDecision
{
    Continue,
    H0,
    H1,
}
