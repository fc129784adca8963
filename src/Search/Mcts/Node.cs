using System.Runtime.InteropServices;

namespace Zero.Search.Mcts;

/// <summary>
/// One node of the search tree, stored by value in <see cref="Tree{TMove}"/>'s flat array and addressed by int.
/// A node stands for the position reached by its move; its statistics are from the point of view of the player
/// who chose that move (the parent's side to move), so a parent picks the child with the highest Q + U.
/// <code>
///   offset  0  W            double  sum of backed-up values (chooser's view)
///           8  FirstChild   int     index of the first child; the children are FirstChild .. FirstChild+ChildCount-1
///          12  Visits       int     N
///          16  VirtualLoss  int     leaves below this node that are being evaluated right now
///          20  Prior        float   P, after the softmax over the parent's legal moves (and root noise)
///          24  Value        float   the evaluator's value of this node's position (its side to move), or the exact
///                                   value when terminal
///          28  ChildCount   short
///          30  State        byte
///          31  Proof        byte    the solver's exact result for the chooser, or not proven   32 bytes, pinned by a test
/// </code>
/// The move that leads to the node lives in the parallel <c>Tree.Moves</c> array, so the node is the same size
/// for every game.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Node
{
    public double W;
    public int FirstChild;
    public int Visits;
    public int VirtualLoss;
    public float Prior;
    public float Value;
    public short ChildCount;
    public NodeState State;
    public Proof Proof;

    /// <summary>A fresh, unvisited node with prior <paramref name="prior"/>.</summary>
    public static Node Create(float prior) => new() { FirstChild = -1, Prior = prior, State = NodeState.Unexpanded };
}
