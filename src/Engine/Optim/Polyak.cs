using Zero.Engine.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace Zero.Engine.Optim;

/// <summary>
/// Target-network updates over parameter lists taken once (DQN every target_update_interval steps, SAC after every
/// gradient step): θ′ ← (1 − τ)θ′ + τθ, τ = 1 copies. Unlike <see cref="Modules.Module.SoftUpdateFrom"/>, which walks the
/// named tree (and allocates names) on every call, this allocates nothing; it covers parameters only, so use it for
/// modules without buffers (<see cref="Models.Mlp"/>).
/// </summary>
public static class Polyak
{
    /// <summary>Updates <paramref name="target"/> towards <paramref name="source"/> (same count and shapes, in order).</summary>
    /// <exception cref="ArgumentException">The lists differ in count or shapes, or τ is outside [0, 1].</exception>
    public static void Update(IReadOnlyList<Tensor> target, IReadOnlyList<Tensor> source, float tau)
    {
        if (tau is < 0 or > 1)
        {
            throw new ArgumentException($"τ must be in [0, 1], got {tau}.", nameof(tau));
        }

        if (target.Count != source.Count)
        {
            throw new ArgumentException($"Polyak: {target.Count} target tensors but {source.Count} source tensors.", nameof(source));
        }

        for (int i = 0; i < target.Count; i++)
        {
            Tensor dst = target[i];
            Tensor src = source[i];
            if (!dst.ShapeEquals(src.Shape))
            {
                throw new ArgumentException($"Polyak: tensor {i} is {dst.ShapeString} in the target but {src.ShapeString} in the source.", nameof(source));
            }

            if (tau == 1f)
            {
                src.Span.CopyTo(dst.Span);
            }
            else
            {
                TensorPrimitives.Multiply(dst.Span, 1f - tau, dst.Span);
                TensorPrimitives.MultiplyAdd(src.Span, tau, dst.Span, dst.Span);
            }
        }
    }
}
