using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace Zero.Engine.Gpu;

/// <summary>
/// An ILGPU context and accelerator opened by device name — "cuda" (the first NVIDIA GPU; needs only the driver) or
/// "ilgpu-cpu" (ILGPU's CPU accelerator, which runs the same kernels on the processor: how the tests and machines
/// without a GPU check them). <see cref="TryOpen"/> never throws: a missing GPU or driver comes back as a message the
/// front-end prints before falling back to the CPU engine. Owned by whoever opened it; <see cref="GpuInferenceNet"/>
/// runs on it.
/// </summary>
public sealed class GpuAccelerator : IDisposable
{
    private readonly Context _context;

    private GpuAccelerator(Context context, Accelerator accelerator, string device)
    {
        _context = context;
        Accelerator = accelerator;
        Device = device;
    }

    /// <summary>The device names this backend opens.</summary>
    public static IReadOnlyList<string> Devices { get; } = ["cuda", "ilgpu-cpu"];

    internal Accelerator Accelerator { get; }

    /// <summary>"cuda: NAME" or "ilgpu-cpu".</summary>
    public string Device { get; }

    /// <summary>Opens <paramref name="device"/>, or says in <paramref name="message"/> why it cannot (no such device, no driver).</summary>
    public static bool TryOpen(string device, out GpuAccelerator? accelerator, out string message)
    {
        accelerator = null;
        message = "";
        Context? context = null;
        try
        {
            switch (device)
            {
                case "ilgpu-cpu":
                    // One multiprocessor of one 4-wide warp: the default simulated GPU (16 threads with barriers) ran
                    // the tests 5-10 times slower on a 2-core machine.
                    context = Context.Create(b => b.CPU(new CPUDevice(4, 1, 1)).EnableAlgorithms());
                    accelerator = new GpuAccelerator(context, context.CreateCPUAccelerator(0), "ilgpu-cpu");
                    return true;
                case "cuda":
                    context = Context.Create(b => b.Cuda().EnableAlgorithms());
                    if (context.GetCudaDevices().Count == 0)
                    {
                        context.Dispose();
                        message = "no CUDA device is present (ILGPU found no NVIDIA GPU or no driver on this machine)";
                        return false;
                    }
                    CudaAccelerator cuda = context.CreateCudaAccelerator(0);
                    accelerator = new GpuAccelerator(context, cuda, $"cuda: {cuda.Name}");
                    return true;
                default:
                    message = $"unknown device '{device}'; use cpu, cuda or ilgpu-cpu";
                    return false;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context?.Dispose();
            message = $"the {device} device could not be opened: {e.GetBaseException().Message}";
            return false;
        }
    }

    public void Dispose()
    {
        Accelerator.Dispose();
        _context.Dispose();
    }
}
