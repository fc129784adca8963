namespace Zero.Search.Mcts;

/// <summary>
/// The search tree's storage: <see cref="Node"/>s and their moves in two parallel flat arrays, addressed by int.
/// A node's children occupy one contiguous range, allocated at once when the node is expanded (a bump allocator).
/// The arrays grow by doubling up to the hard cap <c>maxNodes</c> and never beyond it: <see cref="TryAllocate"/>
/// then fails and the search applies <see cref="MemoryFullBehavior"/>. <see cref="Reroot"/> keeps one subtree
/// (tree reuse) by copying it breadth-first into fresh arrays, which also compacts it. Not thread-safe: the search
/// holds its lock around every call.
/// </summary>
internal sealed class Tree<TMove>
    where TMove : struct, IEquatable<TMove>
{
    private const int InitialCapacity = 1 << 12;
    private readonly int _maxNodes;

    public Tree(int maxNodes)
    {
        _maxNodes = maxNodes;
        Nodes = new Node[Math.Min(maxNodes, InitialCapacity)];
        Moves = new TMove[Nodes.Length];
        Reset();
    }

    public Node[] Nodes { get; private set; }
    public TMove[] Moves { get; private set; }

    /// <summary>Nodes in use; the root is node 0.</summary>
    public int Count { get; private set; }

    public int MaxNodes => _maxNodes;

    /// <summary>Drops every node and leaves a single unexpanded root.</summary>
    public void Reset()
    {
        Nodes[0] = Node.Create(1f);
        Count = 1;
    }

    /// <summary>Reserves <paramref name="count"/> contiguous nodes; false when that would pass the cap.</summary>
    public bool TryAllocate(int count, out int first)
    {
        first = Count;
        if ((long)Count + count > _maxNodes)
        {
            return false;
        }
        if (Count + count > Nodes.Length)
        {
            int size = (int)Math.Min(_maxNodes, Math.Max((long)Nodes.Length * 2, (long)Count + count));
            var nodes = new Node[size];
            var moves = new TMove[size];
            Array.Copy(Nodes, nodes, Count);
            Array.Copy(Moves, moves, Count);
            Nodes = nodes;
            Moves = moves;
        }
        Count += count;
        return true;
    }

    /// <summary>
    /// Makes <paramref name="newRoot"/> the root, keeping its subtree with all statistics and discarding the rest.
    /// Steps: 1. count the subtree; 2. copy it breadth-first into new arrays, each child range kept contiguous.
    /// </summary>
    public void Reroot(int newRoot)
    {
        if (newRoot == 0)
        {
            return;
        }
        // 1. Size of the subtree.
        int size = 0;
        var queue = new Queue<int>();
        queue.Enqueue(newRoot);
        while (queue.TryDequeue(out int old))
        {
            size++;
            ref Node n = ref Nodes[old];
            if (n.FirstChild >= 0)
            {
                for (int c = 0; c < n.ChildCount; c++)
                {
                    queue.Enqueue(n.FirstChild + c);
                }
            }
        }

        // 2. Breadth-first copy: (old index, new index) pairs; children get the next free range.
        int capacity = Math.Min(_maxNodes, Math.Max(InitialCapacity, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)size)));
        var nodes = new Node[capacity];
        var moves = new TMove[capacity];
        nodes[0] = Nodes[newRoot];
        moves[0] = Moves[newRoot];
        int next = 1;
        var pairs = new Queue<(int Old, int New)>();
        pairs.Enqueue((newRoot, 0));
        while (pairs.TryDequeue(out var pair))
        {
            ref Node n = ref nodes[pair.New];
            n.VirtualLoss = 0;
            if (n.FirstChild < 0)
            {
                continue;
            }
            int oldFirst = n.FirstChild;
            n.FirstChild = next;
            Array.Copy(Nodes, oldFirst, nodes, next, n.ChildCount);
            Array.Copy(Moves, oldFirst, moves, next, n.ChildCount);
            for (int c = 0; c < n.ChildCount; c++)
            {
                pairs.Enqueue((oldFirst + c, next + c));
            }
            next += n.ChildCount;
        }
        Nodes = nodes;
        Moves = moves;
        Count = next;
    }
}
