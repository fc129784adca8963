namespace Zero.Network;

/// <summary>
/// The networks the repository ships, weights/&lt;game&gt;.weights in the checkout (found by
/// <see cref="RepositoryRoot"/>), so that play, analysis, matches, `zero eval`, UCI and GTP use the trained network
/// when the user names none.
/// </summary>
public static class ShippedNetworks
{
    /// <summary>The shipped weights file of <paramref name="game"/> (e.g. "connect4"), or null when the checkout has none.</summary>
    public static string? Find(string game) => RepositoryRoot.FindFile(Path.Combine("weights", $"{game}.weights"));
}
