using System.Runtime.CompilerServices;

namespace Zero.Search.Mcts;

/// <summary>Checks over the whole tree for tests and for debugging a search; never called by the search itself.</summary>
public sealed partial class PuctSearch<TGame, TMove>
{
    /// <summary>
    /// A hash of every node's fields and move, in array order: two trees with the same checksum were built the same
    /// way. The single-thread determinism test compares it across runs.
    /// </summary>
    internal ulong TreeChecksum()
    {
        lock (_gate)
        {
            ulong h = 0;
            for (int i = 0; i < _tree.Count; i++)
            {
                ref Node n = ref _tree.Nodes[i];
                h = SplitMix64.Mix(h ^ (ulong)BitConverter.DoubleToInt64Bits(n.W));
                h = SplitMix64.Mix(h ^ ((ulong)(uint)n.Visits << 32 | (uint)n.FirstChild));
                h = SplitMix64.Mix(h ^ ((ulong)BitConverter.SingleToUInt32Bits(n.Prior) << 32 | BitConverter.SingleToUInt32Bits(n.Value)));
                h = SplitMix64.Mix(h ^ ((ulong)Unsafe.BitCast<Proof, byte>(n.Proof) << 24 | (ulong)(ushort)n.ChildCount << 8 | (byte)n.State) ^ (ulong)_tree.Moves[i].GetHashCode());
            }
            return h;
        }
    }

    /// <summary>
    /// Null when the idle tree is consistent, otherwise the first problem found: no virtual loss or in-flight leaf is
    /// left, every expanded node's visits are one more than its children's (its own evaluation; a node the solver has
    /// proven may have more, as its exact value is backed up without descending), child ranges lie inside the used part
    /// of the arrays, an unvisited node has no children, and a proven node is terminal or has a child whose proof
    /// proves it.
    /// </summary>
    internal string? CheckInvariants()
    {
        lock (_gate)
        {
            for (int i = 0; i < _tree.Count; i++)
            {
                ref Node n = ref _tree.Nodes[i];
                if (n.VirtualLoss != 0)
                {
                    return $"node {i} keeps virtual loss {n.VirtualLoss}";
                }
                if (n.State == NodeState.Pending)
                {
                    return $"node {i} is still pending";
                }
                if (n.State != NodeState.Expanded)
                {
                    if (n.FirstChild >= 0)
                    {
                        return $"node {i} in state {n.State} has children";
                    }
                    continue;
                }
                if (n.FirstChild <= i || n.FirstChild + n.ChildCount > _tree.Count)
                {
                    return $"node {i} has children {n.FirstChild}..{n.FirstChild + n.ChildCount - 1} outside 1..{_tree.Count - 1}";
                }
                long sum = 0;
                float priors = 0;
                for (int c = n.FirstChild; c < n.FirstChild + n.ChildCount; c++)
                {
                    sum += _tree.Nodes[c].Visits;
                    priors += _tree.Nodes[c].Prior;
                }
                if (n.Proof.IsKnown ? sum > n.Visits - 1 : sum != n.Visits - 1)
                {
                    return $"node {i} has {n.Visits} visits but its children have {sum} (expected {n.Visits - 1})";
                }
                if (Math.Abs(priors - 1f) > 1e-3f)
                {
                    return $"node {i}'s children's priors sum to {priors}";
                }
                if (n.Proof.IsKnown && Prove(i) is var proof && (!proof.IsKnown || proof.Result != n.Proof.Result))
                {
                    return $"node {i} is proven {n.Proof.Result} but its children do not prove it";
                }
            }
            return null;
        }
    }
}
