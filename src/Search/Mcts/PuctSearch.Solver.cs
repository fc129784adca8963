using Zero.Games;

namespace Zero.Search.Mcts;

/// <summary>
/// The MCTS-solver's tree rules (<see cref="MctsOptions.Solver"/>): proving a node from its children during backup,
/// and ranking root moves by their proofs for the best move and the principal variation. Selection's part lives in
/// SelectChild, the propagation itself in the worker's Backup; every member here runs with the lock held.
/// </summary>
public sealed partial class PuctSearch<TGame, TMove>
{
    /// <summary>Proves <paramref name="node"/> from its children when it can (lock held); true when it did (see <see cref="Prove"/>).</summary>
    private bool TryProve(int node)
    {
        Proof proof = Prove(node);
        _tree.Nodes[node].Proof = proof;
        return proof.IsKnown;
    }

    /// <summary>
    /// What the children of <paramref name="node"/> prove about it (lock held). An expanded node has a child for every
    /// legal move, so:
    /// 1. a child that wins for the node's side to move makes the node a loss for its chooser (the shortest win counts);
    /// 2. otherwise, with every child proven, the node is worth the best of them: a draw when one draws (the longest), a
    ///    win for its chooser when all lose for the side to move (the longest loss counts);
    /// 3. otherwise (a child is still open, or the node has no children) nothing is known.
    /// </summary>
    private Proof Prove(int node)
    {
        Node[] nodes = _tree.Nodes;
        ref Node n = ref nodes[node];
        if (n.State != NodeState.Expanded || n.ChildCount == 0)
        {
            return default;
        }
        int win = int.MaxValue, draw = -1, loss = -1;
        bool open = false;
        for (int c = n.FirstChild; c < n.FirstChild + n.ChildCount; c++)
        {
            Proof proof = nodes[c].Proof;
            if (!proof.IsKnown)
            {
                open = true;
                continue;
            }
            switch (proof.Result)
            {
                case GameResult.Win:
                    win = Math.Min(win, proof.Plies);
                    break;
                case GameResult.Draw:
                    draw = Math.Max(draw, proof.Plies);
                    break;
                default:
                    loss = Math.Max(loss, proof.Plies);
                    break;
            }
        }
        if (win != int.MaxValue)
        {
            return Proof.Of(GameResult.Loss, win + 1); // 1.
        }
        if (open)
        {
            return default; // 3.
        }
        return draw >= 0 ? Proof.Of(GameResult.Draw, draw + 1) : Proof.Of(GameResult.Win, loss + 1); // 2.
    }

    /// <summary>
    /// Orders two proofs for the chooser when the solver is on (<see cref="MoveSelection.CompareProven"/>): positive when
    /// <paramref name="a"/> is better; 0 when the proofs leave the choice to the visit counts.
    /// </summary>
    private int CompareProofs(Proof a, Proof b) =>
        Options.Solver
            ? MoveSelection.CompareProven(a.IsKnown ? a.Result : null, a.Plies, b.IsKnown ? b.Result : null, b.Plies)
            : 0;
}
