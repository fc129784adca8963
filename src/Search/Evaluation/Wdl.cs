namespace Zero.Search.Evaluation;

/// <summary>
/// Win/draw/loss probabilities from the side to move. Evaluators with a WDL head report them directly; the others
/// derive them from a scalar value with <see cref="FromValue"/> (no draw mass), so analysis output is uniform.
/// </summary>
public readonly record struct Wdl(float Win, float Draw, float Loss)
{
    /// <summary>The expected score in [-1, 1]: win minus loss.</summary>
    public float Value => Win - Loss;

    /// <summary>The WDL with no draw mass whose value is <paramref name="value"/>.</summary>
    public static Wdl FromValue(float value)
    {
        float v = Math.Clamp(value, -1f, 1f);
        return new Wdl((1f + v) * 0.5f, 0f, (1f - v) * 0.5f);
    }
}
