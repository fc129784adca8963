using System.Reflection;

namespace Zero.Search.Tests.Baselines;

/// <summary>Finds ../shared/data beside the repository (the repository root is baked in at build time).</summary>
internal static class SharedData
{
    public static string RepositoryRoot { get; } = typeof(SharedData).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Path(string relative) => System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared", "data", relative));
}
