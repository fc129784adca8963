using Zero.Cli.Commands;
using Zero.Engine.Inference;
using Zero.Engine.Models;

namespace Zero.Cli.Tests.Commands;

/// <summary>The `--device` option: bad names are usage errors, ilgpu-cpu runs the ILGPU backend, cpu the CPU engine.</summary>
public sealed class InferenceDevicesTests
{
    [Theory]
    [InlineData("bench", "nn")]
    [InlineData("bench", "search")]
    public void Run_UnknownDevice_ExitsWithUsageError(string command, string sub)
    {
        (int code, _, string error) = CliRun.Run("", command, sub, "--device", "tpu");
        Assert.Equal(2, code);
        Assert.Contains("--device must be cpu, cuda or ilgpu-cpu", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cpu", "cpu")]
    [InlineData("ilgpu-cpu", "ilgpu-cpu")]
    public void Create_KnownDevice_RunsThere(string device, string expected)
    {
        PolicyValueNetConfig cfg = PolicyValueNetConfig.Connect4 with { Blocks = 1, Channels = 16 };
        using var warnings = new StringWriter();
        (IInferenceNetwork net, IDisposable? owner) = InferenceDevices.Create(device, cfg, RandomWeights.Create(cfg, new Random(1)), warnings);
        using (owner)
        {
            Assert.Equal(expected, net.Device);
            Assert.Equal("", warnings.ToString());
        }
    }
}
