using Zero.Games;
using Zero.SelfPlay.Records;

namespace Zero.SelfPlay.Replay;

/// <summary>
/// The trainer's view of the experience: the most recent <see cref="CapacityGames"/> games, replayed into
/// positions, from which training samples are drawn uniformly over positions with a random symmetry of the game
/// applied to the features and the policy target alike (data augmentation). The training loop feeds it new games
/// from the store (<see cref="Add"/>); the oldest games fall out of the window. Not thread-safe: one trainer owns it.
/// </summary>
public sealed class ReplayWindow<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    private readonly LinkedList<ReplayGame<TGame, TMove>> _games = new();
    private ReplayGame<TGame, TMove>[] _indexGames = [];
    private long[] _indexEnds = [];
    private bool _indexDirty = true;

    /// <param name="capacityGames">How many of the most recent games the window holds.</param>
    /// <param name="augment">Apply a random symmetry to every sample.</param>
    public ReplayWindow(int capacityGames, bool augment = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityGames, 1);
        CapacityGames = capacityGames;
        Augment = augment;
    }

    public int CapacityGames { get; }
    public bool Augment { get; }

    /// <summary>Weight w of the root value q in the value target (1 − w)·z + w·q; 0 = the outcome z alone.</summary>
    public float ValueTargetQWeight { get; init; }

    /// <summary>Games in the window.</summary>
    public int GameCount => _games.Count;

    /// <summary>Trainable positions in the window.</summary>
    public long PositionCount { get; private set; }

    /// <summary>The id of the newest game added (the replay cursor), or 0.</summary>
    public long LastGameId { get; private set; }

    /// <summary>
    /// Adds a stored game; the oldest game leaves when the window is full. Returns false with a reason when the
    /// record does not replay (another game, an illegal action): the caller reports it and goes on.
    /// </summary>
    public bool Add(long id, GameRecord record, out string? error)
    {
        LastGameId = Math.Max(LastGameId, id);
        if (!ReplayGame<TGame, TMove>.TryCreate(id, record, out ReplayGame<TGame, TMove>? game, out error))
        {
            return false;
        }
        _games.AddLast(game!);
        PositionCount += game!.Positions.Length;
        while (_games.Count > CapacityGames)
        {
            PositionCount -= _games.First!.Value.Positions.Length;
            _games.RemoveFirst();
        }
        _indexDirty = true;
        return true;
    }

    /// <summary>
    /// Fills <paramref name="batch"/> with <paramref name="count"/> samples drawn uniformly (with replacement) over
    /// the window's positions.
    /// </summary>
    /// <exception cref="InvalidOperationException">The window is empty.</exception>
    public void Sample(Random random, int count, TrainingBatch batch)
    {
        if (PositionCount == 0)
        {
            throw new InvalidOperationException("the replay window holds no trainable positions yet");
        }
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, batch.Capacity);
        RebuildIndex();
        int inputSize = TGame.InputShape.Size;
        int actions = TGame.ActionCount;
        for (int i = 0; i < count; i++)
        {
            // 1. Pick a position uniformly: a global index, then the game holding it (binary search on the ends).
            long k = random.NextInt64(PositionCount);
            int g = Array.BinarySearch(_indexEnds, k);
            g = g < 0 ? ~g : g + 1;
            ReplayGame<TGame, TMove> game = _indexGames[g];
            int local = (int)(k - (g == 0 ? 0 : _indexEnds[g - 1]));
            int ply = game.Plies[local];
            RecordedMove move = game.Record.Moves[ply];

            // 2. Pick a symmetry and write features, policy target and value target.
            int symmetry = Augment ? random.Next(TGame.SymmetryCount) : 0;
            TGame position = game.Positions[local];
            if (symmetry != 0)
            {
                position = position.ApplySymmetry(symmetry);
            }
            position.WriteFeatures(batch.Features.AsSpan(i * inputSize, inputSize));
            WritePolicy(move, symmetry, batch.Policy.AsSpan(i * actions, actions));
            float z = game.Record.OutcomeForPly(ply);
            batch.Values[i] = ValueTargetQWeight == 0 || float.IsNaN(move.RootValue)
                ? z
                : ((1 - ValueTargetQWeight) * z) + (ValueTargetQWeight * move.RootValue);
        }
        batch.Count = count;
    }

    /// <summary>Writes the normalised visit distribution of <paramref name="move"/> mapped through the symmetry.</summary>
    internal static void WritePolicy(RecordedMove move, int symmetry, Span<float> policy)
    {
        policy.Clear();
        float scale = 1f / move.TotalVisits;
        foreach (VisitCount v in move.Visits)
        {
            int action = symmetry == 0 ? v.Action : TGame.TransformAction(v.Action, symmetry);
            policy[action] += v.Visits * scale;
        }
    }

    private void RebuildIndex()
    {
        if (!_indexDirty)
        {
            return;
        }
        // Games without trainable positions are left out so the ends are strictly increasing.
        int nonEmpty = _games.Count(game => game.Positions.Length > 0);
        _indexGames = new ReplayGame<TGame, TMove>[nonEmpty];
        _indexEnds = new long[nonEmpty];
        long end = 0;
        int i = 0;
        foreach (ReplayGame<TGame, TMove> game in _games)
        {
            if (game.Positions.Length == 0)
            {
                continue;
            }
            end += game.Positions.Length;
            _indexGames[i] = game;
            _indexEnds[i] = end;
            i++;
        }
        _indexDirty = false;
    }
}
