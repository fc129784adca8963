using Zero.Games;
using Zero.SelfPlay.Records;

namespace Zero.SelfPlay.Replay;

/// <summary>
/// A stored game with its positions re-derived by replaying the actions from the initial position: the trainable
/// positions (searched moves only), each with its value target. Built by <see cref="ReplayWindow{TGame,TMove}"/>;
/// replaying also checks the record (right game, every action legal), so a record that does not fit the game is
/// refused with a reason instead of producing garbage samples.
/// </summary>
internal sealed class ReplayGame<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    private ReplayGame(long id, GameRecord record, TGame[] positions, int[] plies)
    {
        Id = id;
        Record = record;
        Positions = positions;
        Plies = plies;
    }

    public long Id { get; }
    public GameRecord Record { get; }

    /// <summary>The positions before each searched move.</summary>
    public TGame[] Positions { get; }

    /// <summary>The ply of each entry of <see cref="Positions"/>.</summary>
    public int[] Plies { get; }

    /// <summary>Replays <paramref name="record"/>; false with a reason when it does not fit the game.</summary>
    public static bool TryCreate(long id, GameRecord record, out ReplayGame<TGame, TMove>? game, out string? error)
    {
        game = null;
        if (record.Game != TGame.Name)
        {
            error = $"game {id} is a {record.Game} record, not {TGame.Name}";
            return false;
        }
        var positions = new List<TGame>(record.Moves.Count);
        var plies = new List<int>(record.Moves.Count);
        var moves = new TMove[TGame.MaxMoves];
        TGame position = TGame.Initial;
        for (int ply = 0; ply < record.Moves.Count; ply++)
        {
            RecordedMove recorded = record.Moves[ply];
            int count = position.GenerateMoves(moves);
            int found = -1;
            for (int i = 0; i < count && found < 0; i++)
            {
                if (position.ActionIndex(moves[i]) == recorded.Action)
                {
                    found = i;
                }
            }
            if (found < 0)
            {
                error = $"game {id}: action {recorded.Action} at ply {ply} is not a legal move";
                return false;
            }
            foreach (VisitCount v in recorded.Visits)
            {
                if ((uint)v.Action >= (uint)TGame.ActionCount)
                {
                    error = $"game {id}: visit entry for action {v.Action} at ply {ply} is outside the policy ({TGame.ActionCount})";
                    return false;
                }
            }
            if (recorded.IsSearched && recorded.TotalVisits > 0)
            {
                positions.Add(position);
                plies.Add(ply);
            }
            position = position.Play(moves[found]);
        }
        game = new ReplayGame<TGame, TMove>(id, record, [.. positions], [.. plies]);
        error = null;
        return true;
    }
}
