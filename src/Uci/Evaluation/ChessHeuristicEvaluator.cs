using Zero.Games.Chess;
using Zero.Search.Evaluation;

namespace Zero.Uci.Evaluation;

/// <summary>
/// The evaluator `zero uci` uses until a trained chess network ships: value = the capture-quiescence score of
/// <see cref="ChessHeuristic"/> mapped to (−1, 1) with the inverse of Lc0's centipawn formula, so the `score cp`
/// the engine prints is close to the heuristic's own centipawns; policy = move-ordering logits (captures by MVV-LVA,
/// promotions, checks). It sits behind the same <see cref="IEvaluator{TGame,TMove}"/> seam as a network, so the
/// search, tree reuse and time management are the ones a network will use. Created by <see cref="EvaluatorFactory"/>.
/// </summary>
public sealed class ChessHeuristicEvaluator : IEvaluator<ChessPosition, ChessMove>
{
    public string Name => "heuristic";

    public bool HasPolicy => true;

    public IEvaluationBatch<ChessPosition, ChessMove> CreateBatch(int capacity) => new Batch(capacity);

    /// <summary>The value of <paramref name="position"/> for its side to move, in (−1, 1).</summary>
    public static float ValueOf(in ChessPosition position)
    {
        ChessBoard board = position.Board;
        return ChessHeuristic.CentipawnsToValue(ChessHeuristic.Quiescence(board, -32000, 32000, ChessHeuristic.QuiescenceDepth));
    }

    private sealed class Batch(int capacity) : EvaluationBatch<ChessPosition, ChessMove>(capacity, hasWdl: false)
    {
        private readonly ChessMove[] _moves = new ChessMove[ChessPosition.MaxMoves];

        protected override void EvaluateLeaf(int index)
        {
            ChessPosition position = Positions[index];
            ChessBoard board = position.Board;
            Values[index] = ValueOf(position);
            Span<float> logits = LogitsAt(index);
            int n = position.GenerateMoves(_moves);
            for (int i = 0; i < n; i++)
            {
                logits[position.ActionIndex(_moves[i])] = ChessHeuristic.MoveLogit(board, _moves[i]);
            }
        }
    }
}
