using System.CommandLine;
using Zero.Engine.Gpu;
using Zero.Engine.Inference;
using Zero.Engine.Models;

namespace Zero.Cli.Commands;

/// <summary>
/// The `--device cpu|cuda|ilgpu-cpu` choice, declared once for the commands that run the inference network
/// (`zero bench nn`, `zero bench search`) and the UCI option Device: "cpu" is the CPU engine (<see cref="InferenceNet"/>),
/// the others the ILGPU backend (<see cref="GpuInferenceNet"/>). A device that cannot be opened (no GPU, no driver)
/// is reported in one line and the CPU engine runs instead.
/// </summary>
internal static class InferenceDevices
{
    public static readonly string[] Names = ["cpu", "cuda", "ilgpu-cpu"];

    public const string Help = "Where the network runs: cpu (the CPU engine), cuda (an NVIDIA GPU through ILGPU) or ilgpu-cpu (the ILGPU kernels on ILGPU's CPU accelerator); without the device, the CPU engine runs.";

    /// <summary>The option, with its default and help.</summary>
    public static Option<string> CreateOption() => new("--device") { Description = Help, DefaultValueFactory = _ => "cpu" };

    /// <summary>Checks a device name given by the user.</summary>
    /// <exception cref="UsageException">Not one of <see cref="Names"/>.</exception>
    public static string Validate(string device) =>
        Array.IndexOf(Names, device) >= 0 ? device : throw new UsageException($"--device must be cpu, cuda or ilgpu-cpu; got '{device}'.");

    /// <summary>
    /// The network on <paramref name="device"/>, and what to dispose with it; when that device cannot be opened, the
    /// CPU engine, after a line on <paramref name="warnings"/> saying why.
    /// </summary>
    public static (IInferenceNetwork Net, IDisposable? Owner) Create(string device, PolicyValueNetConfig config, IReadOnlyDictionary<string, float[]> weights, TextWriter warnings)
    {
        if (device == "cpu")
        {
            return (new InferenceNet(config, weights), null);
        }
        if (!GpuAccelerator.TryOpen(device, out GpuAccelerator? accelerator, out string message))
        {
            warnings.WriteLine($"--device {device}: {message}; running on the CPU engine instead.");
            return (new InferenceNet(config, weights), null);
        }
        var net = new GpuInferenceNet(accelerator!, config, weights);
        return (net, new Owner(net, accelerator!));
    }

    /// <summary>Disposes the network, then its accelerator.</summary>
    private sealed class Owner(GpuInferenceNet net, GpuAccelerator accelerator) : IDisposable
    {
        public void Dispose()
        {
            net.Dispose();
            accelerator.Dispose();
        }
    }
}
