using System.Runtime.CompilerServices;
using Zero.Search.Mcts;

namespace Zero.Search.Tests.Mcts;

/// <summary>Pins the tree node's size: the memory cap, the cache footprint and the docs assume 32 bytes.</summary>
public sealed class NodeLayoutTests
{
    [Fact]
    public void Node_Size_Is32Bytes() => Assert.Equal(32, Unsafe.SizeOf<Node>());
}
