using Zero.Games.Chess;

namespace Zero.Games.Tests.Chess;

/// <summary>Seeded random chess games shared by the notation and rule tests.</summary>
internal static class ChessTestGames
{
    /// <summary>Random games as (start, moves, every position on the way) with a fixed seed.</summary>
    public static IEnumerable<(ChessPosition Start, List<ChessMove> Moves, List<ChessPosition> Positions)> Games(int count, int maxPlies, int seed)
    {
        var rng = new Random(seed);
        var buffer = new ChessMove[ChessPosition.MaxMoves];
        for (int g = 0; g < count; g++)
        {
            ChessPosition p = ChessPosition.Initial;
            var moves = new List<ChessMove>();
            var positions = new List<ChessPosition> { p };
            for (int ply = 0; ply < maxPlies; ply++)
            {
                int n = p.GenerateMoves(buffer);
                if (n == 0)
                {
                    break;
                }
                ChessMove move = buffer[rng.Next(n)];
                moves.Add(move);
                p = p.Play(move);
                positions.Add(p);
            }
            yield return (ChessPosition.Initial, moves, positions);
        }
    }

    public static IEnumerable<ChessPosition> Positions(int games, int maxPlies, int seed) =>
        Games(games, maxPlies, seed).SelectMany(g => g.Positions);

    public static ChessPosition Parse(string text)
    {
        Assert.True(ChessPosition.TryParsePosition(text, out ChessPosition p, out string? error), error);
        return p;
    }
}
