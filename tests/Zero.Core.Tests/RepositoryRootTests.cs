namespace Zero.Core.Tests;

/// <summary>The checkout is found from the test's own folder (inside it), and paths inside it resolve.</summary>
public sealed class RepositoryRootTests
{
    [Fact]
    public void Find_FromTheTestFolder_IsTheFolderWithZeroSln()
    {
        string root = RepositoryRoot.Find();
        Assert.True(File.Exists(Path.Combine(root, RepositoryRoot.Marker)));
        Assert.StartsWith(root, AppContext.BaseDirectory, StringComparison.Ordinal);
    }

    [Fact]
    public void Path_OfTheLabelledData_Exists()
    {
        Assert.True(File.Exists(RepositoryRoot.Path("data", "connect4", "positions_ply10-16.txt")));
        Assert.True(File.Exists(RepositoryRoot.Path("data", "connect4", "positions_ply17-28.txt")));
    }

    [Fact]
    public void FindFile_Missing_IsNull() => Assert.Null(RepositoryRoot.FindFile(Path.Combine("weights", "no-such-game.weights")));
}
