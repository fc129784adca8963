using Zero.Engine.Models;
using Zero.Games.ConnectFour;
using Zero.Games.TicTacToe;

namespace Zero.Network.Tests;

/// <summary>
/// The one loader: the shipped networks load for their own game; a folder, a missing file, a damaged file and another
/// game's network are each refused with a ZeroException that names the file and says what to do.
/// </summary>
public sealed class NetworkLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zero-network-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Shipped(string game) =>
        ShippedNetworks.Find(game) ?? throw new InvalidOperationException($"weights/{game}.weights is missing from the checkout");

    [Fact]
    public void Load_ShippedNetworks_FitTheirGames()
    {
        NetworkModel c4 = NetworkLoader.Load<ConnectFourPosition, ConnectFourMove>(Shipped("connect4"));
        Assert.Equal(ConnectFourPosition.InputShape.Size, c4.InputSize);
        Assert.Equal(ConnectFourPosition.ActionCount, c4.PolicySize);
        Assert.Equal("connect4", c4.Name);
        NetworkModel ttt = NetworkLoader.Load<TicTacToePosition, TicTacToeMove>(Shipped("tictactoe"));
        Assert.Equal(TicTacToePosition.ActionCount, ttt.PolicySize);
    }

    [Fact]
    public void Load_AnotherGamesNetwork_IsRefusedNamingBothShapes()
    {
        var e = Assert.Throws<ZeroException>(() => NetworkLoader.Load<ConnectFourPosition, ConnectFourMove>(Shipped("tictactoe")));
        Assert.Contains("connect4 needs", e.Message, StringComparison.Ordinal);
        Assert.Contains("weights for another game?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AFolder_SaysToGiveAFile()
    {
        var e = Assert.Throws<ZeroException>(() => NetworkLoader.Load<ConnectFourPosition, ConnectFourMove>(_folder));
        Assert.Contains("is a folder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AMissingFile_SaysItDoesNotExist()
    {
        string path = Path.Combine(_folder, "none.weights");
        var e = Assert.Throws<ZeroException>(() => NetworkLoader.Load<ConnectFourPosition, ConnectFourMove>(path));
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ADamagedFile_IsRefusedNamingIt()
    {
        byte[] bytes = File.ReadAllBytes(Shipped("connect4"));
        bytes[bytes.Length / 2] ^= 0x5A;
        string path = Path.Combine(_folder, "damaged.weights");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<ZeroException>(() => NetworkLoader.Load<ConnectFourPosition, ConnectFourMove>(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_SameSeed_SameOutputs()
    {
        NetworkModel a = NetworkLoader.Random(NetworkLoader.ReferenceConfig<TicTacToePosition, TicTacToeMove>(), seed: 3);
        NetworkModel b = NetworkLoader.Random(NetworkLoader.ReferenceConfig<TicTacToePosition, TicTacToeMove>(), seed: 3);
        float[] input = new float[a.InputSize];
        input[4] = 1;
        float[] pa = new float[a.PolicySize], pb = new float[b.PolicySize], va = new float[1], vb = new float[1];
        a.Evaluate(input, 1, pa, va, default);
        b.Evaluate(input, 1, pb, vb, default);
        Assert.Equal(pa, pb);
        Assert.Equal(va, vb);
        Assert.Equal(PolicyValueNetConfig.Connect4, NetworkLoader.ReferenceConfig<ConnectFourPosition, ConnectFourMove>());
    }
}
